namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// The answer to a kiosk's mutating request, by its idempotency key: the same key again gets the same
/// answer without doing the work twice (a kiosk that lost the response retries safely).
/// </summary>
public sealed class KioskRequestRecord
{
    public string DeviceId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";

    /// <summary>Method, path and body hash: the same key with another request is refused, not answered.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public DateTime CreatedAt { get; set; }
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>
/// Remembers a start or resume by its caller's key, committed with the work it did, so a replayed
/// kiosk request returns the first result instead of running again.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>"start" or "resume".</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";
    public Guid InstanceId { get; set; }

    /// <summary>Hash of the request, to refuse a key reused for a different request.</summary>
    public string RequestHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

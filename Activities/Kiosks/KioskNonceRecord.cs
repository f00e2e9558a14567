namespace SmartKiosk.Activities.Kiosks;

/// <summary>A request nonce a kiosk used; a second request with it is a replay. Kept until its timestamp leaves the window.</summary>
public sealed class KioskNonceRecord
{
    public string DeviceId { get; set; } = "";
    public string Nonce { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}

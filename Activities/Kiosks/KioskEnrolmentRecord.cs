namespace SmartKiosk.Activities.Kiosks;

/// <summary>A one-time enrolment code an administrator issued for a kiosk; only its hash is kept.</summary>
public sealed class KioskEnrolmentRecord
{
    public string CodeHash { get; set; } = "";
    public string DeviceId { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

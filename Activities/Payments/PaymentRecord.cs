namespace SmartKiosk.Activities.Payments;

/// <summary>A fee payment asked for a dossier: the provider's reference, the amount, what the citizen scans, and how it ended.</summary>
public sealed class PaymentRecord
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public string Provider { get; set; } = "";
    public string Reference { get; set; } = "";
    public long AmountDong { get; set; }
    public PaymentStatus Status { get; set; }

    /// <summary>What the kiosk shows as a QR code for the citizen's banking or e-wallet app.</summary>
    public string QrPayload { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? SettledAt { get; set; }
}

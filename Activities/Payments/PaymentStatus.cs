namespace SmartKiosk.Activities.Payments;

/// <summary>A payment's life, as QR and e-wallet providers report it.</summary>
public enum PaymentStatus
{
    Pending,
    Paid,
    Failed,
    Expired,
}

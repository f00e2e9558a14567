namespace SmartKiosk.Activities.Payments;

/// <summary>Fee payment (section <c>Payments</c>).</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>How long the citizen has to pay before the order expires.</summary>
    public TimeSpan OrderLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The sandbox wallet endpoints (/api/sandbox/payments/…) exist only when true: never in production.</summary>
    public bool SandboxWallet { get; set; } = true;
}

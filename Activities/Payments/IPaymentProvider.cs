namespace SmartKiosk.Activities.Payments;

/// <summary>
/// A QR or e-wallet payment provider (a bank's VietQR gateway, MoMo, VNPay…). It makes an order the
/// citizen pays by scanning a code; it reports the outcome to <see cref="PaymentService.SettleAsync"/>
/// (its webhook), which wakes the waiting workflow.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Creates an order; <paramref name="reference"/> is ours and unique, the provider's QR payload comes back.</summary>
    Task<string> CreateOrderAsync(string reference, long amountDong, string description, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

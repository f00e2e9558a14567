using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Payments;

/// <summary>
/// Orders the fee from the payment provider; the kiosk shows the order's QR code. Follow it with a
/// <c>WaitForSignal</c> on <c>kiosk.payment</c>: its payload's <c>status</c> is Paid, Failed or Expired.
/// </summary>
[Activity("RequestPayment", Category = "Fees", DisplayName = "Request payment", Description = "Orders the fee (QR / e-wallet) for the citizen to pay at the kiosk; the outcome arrives as the kiosk.payment signal.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class RequestPayment(PaymentService payments) : Activity
{
    [Input(Description = "The dossier the fee is for, e.g. input.dossierId.", Required = true)]
    public string DossierId { get; set; } = "";

    [Input(Description = "The amount in đồng, e.g. outputs.fee.TotalDong.", Required = true)]
    public long AmountDong { get; set; }

    [Input(Description = "What the citizen's banking app shows.", DefaultSyntax = Workflows.Models.ExpressionSyntax.Liquid, DefaultJson = "\"Le phi chung thuc\"")]
    public string Description { get; set; } = "Le phi chung thuc";

    [Output(Description = "The order's reference.")]
    public string? Reference { get; set; }

    [Output(Description = "What the kiosk shows as a QR code.")]
    public string? QrPayload { get; set; }

    [Output]
    public long Amount { get; set; }

    [Output]
    public DateTimeOffset? ExpiresAt { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(DossierId, out var dossierId) || AmountDong <= 0)
        {
            return ActivityResult.Fault($"RequestPayment needs a dossier id and a positive amount (got '{DossierId}', {AmountDong}).");
        }
        var order = await payments.OrderAsync(dossierId, AmountDong, Description, context.CancellationToken);
        (Reference, QrPayload, Amount, ExpiresAt) = (order.Reference, order.QrPayload, order.AmountDong, new DateTimeOffset(order.ExpiresAt, TimeSpan.Zero));
        return ActivityResult.Done();
    }
}

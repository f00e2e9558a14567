using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Payments;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Payments;

/// <summary>
/// The sandbox provider's "wallet": paying (or failing) an order by its reference, which is what a real
/// provider's webhook reports. Mapped only when <c>Payments:SandboxWallet</c> is on (the embedded default
/// and the tests); a production deployment maps its provider's signed webhook instead.
/// </summary>
public static class SandboxWalletEndpoints
{
    public static void MapSandboxWallet(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<PaymentOptions>>().Value.SandboxWallet)
        {
            return;
        }
        app.MapPost("/api/sandbox/payments/{reference}", async Task<Results<Ok<SandboxSettlement>, NotFound, BadRequest<string>>> (string reference, string outcome, PaymentService payments, CancellationToken ct) =>
        {
            var status = outcome switch
            {
                "paid" => PaymentStatus.Paid,
                "failed" => PaymentStatus.Failed,
                _ => (PaymentStatus?)null,
            };
            if (status is null)
            {
                return TypedResults.BadRequest("outcome is paid or failed");
            }
            var payment = await payments.SettleAsync(reference, status.Value, ct);
            return payment is null ? TypedResults.NotFound() : TypedResults.Ok(new SandboxSettlement(payment.Reference, payment.Status, payment.AmountDong));
        })
        .AllowAnonymous()
        .RequireRateLimiting(PublicVerificationEndpoints.RateLimitPolicy)
        .WithTags("Sandbox")
        .WithSummary("Sandbox only: settles a fee order as the citizen's e-wallet would (?outcome=paid or failed).");
    }
}

public sealed record SandboxSettlement(string Reference, PaymentStatus Status, long AmountDong);

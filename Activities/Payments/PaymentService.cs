using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Payments;

/// <summary>
/// Fee payments of dossiers: an order per dossier and amount (asking again returns the same order),
/// and the settlement a provider reports — recorded once, then delivered to the dossier's workflow as
/// the <c>kiosk.payment</c> signal. Orders not paid in time expire the same way.
/// </summary>
public sealed class PaymentService(
    DossierDbContextFactory factory,
    IPaymentProvider provider,
    IWorkflowDispatcher dispatcher,
    IOptions<PaymentOptions> options,
    TimeProvider time,
    ILogger<PaymentService> logger)
{
    public async Task<PaymentRecord> OrderAsync(Guid dossierId, long amountDong, string description, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = factory.Create();
        var open = await db.Payments.AsNoTracking()
            .Where(p => p.DossierId == dossierId && p.AmountDong == amountDong && p.Status == PaymentStatus.Pending)
            .OrderByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null && open.ExpiresAt > now.UtcDateTime)
        {
            return open;
        }

        var reference = "PAY" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var expires = now + options.Value.OrderLifetime;
        var record = new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossierId,
            Provider = provider.Name,
            Reference = reference,
            AmountDong = amountDong,
            Status = PaymentStatus.Pending,
            QrPayload = await provider.CreateOrderAsync(reference, amountDong, description, expires, cancellationToken),
            CreatedAt = now.UtcDateTime,
            ExpiresAt = expires.UtcDateTime,
        };
        db.Payments.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payment {Reference} of {Amount} VND ordered for dossier {DossierId} from {Provider}", reference, amountDong, dossierId, provider.Name);
        return record;
    }

    public async Task<PaymentRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
    }

    /// <summary>
    /// Records how a pending payment ended and wakes the dossier's workflow. A payment settles once: a
    /// second report (a provider's retried webhook) changes nothing and answers the recorded outcome.
    /// </summary>
    public async Task<PaymentRecord?> SettleAsync(string reference, PaymentStatus outcome, CancellationToken cancellationToken)
    {
        if (outcome == PaymentStatus.Pending)
        {
            throw new ArgumentException("A settlement is paid, failed or expired.", nameof(outcome));
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.Create();
        var settled = await db.Payments
            .Where(p => p.Reference == reference && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, outcome).SetProperty(p => p.SettledAt, now), cancellationToken);
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        if (payment is null || settled == 0)
        {
            return payment;
        }

        logger.LogInformation("Payment {Reference} of dossier {DossierId}: {Outcome}", reference, payment.DossierId, outcome);
        await dispatcher.RunAsync(
            RunRequest.For(new SignalRequest(DossierProgressReader.PaymentStage, payment.DossierId.ToString(), new JsonObject { ["status"] = outcome.ToString(), ["reference"] = reference }, "payment:" + reference)),
            cancellationToken);
        return payment;
    }

    /// <summary>Expires the pending orders whose time is up (the retention job calls it).</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<string> due;
        await using (var db = factory.Create())
        {
            due = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Pending && p.ExpiresAt < now).Select(p => p.Reference).Take(200).ToListAsync(cancellationToken);
        }
        foreach (var reference in due)
        {
            await SettleAsync(reference, PaymentStatus.Expired, cancellationToken);
        }
        return due.Count;
    }
}

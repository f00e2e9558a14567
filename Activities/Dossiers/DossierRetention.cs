using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Kiosks;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>
/// One pass of the retention job: abandoned sessions expire (instance cancelled, uploads deleted);
/// scans and captures of dossiers that ended more than <see cref="DossierOptions.RetentionDays"/>
/// ago are deleted, the signed copy kept; spent request nonces and old idempotent answers go.
/// </summary>
public sealed class DossierRetention(DossierService service, DossierStore store, KioskRegistry kiosks, Payments.PaymentService payments, DossierDbContextFactory factory, IOptions<DossierOptions> options, TimeProvider time, ILogger<DossierRetention> logger)
{
    private const int Batch = 200;

    public async Task<RetentionPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = 0;
        foreach (var id in await store.ListExpiredAsync(DossierStatus.Capturing, now, Batch, cancellationToken))
        {
            // Re-read through the service: a session confirmed a moment ago is no longer Capturing.
            var (dossier, _) = await service.GetAsync(id, cancellationToken);
            if (dossier.Status == DossierStatus.Capturing && dossier.ExpiresAt < now)
            {
                await service.ExpireAsync(id, cancellationToken);
                expired++;
            }
        }

        var purged = 0;
        foreach (var id in await store.ListPurgeableAsync(now.AddDays(-options.Value.RetentionDays), Batch, cancellationToken))
        {
            await service.PurgeAsync(id, "retention", cancellationToken);
            purged++;
        }

        // Orders not paid in time end as Expired, which wakes their workflows.
        await payments.ExpireDueAsync(cancellationToken);
        var nonces = await kiosks.PruneNoncesAsync(cancellationToken);
        await using var db = factory.Create();
        var answers = await db.KioskRequests.Where(r => r.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        if (expired + purged > 0)
        {
            logger.LogInformation("Retention: {Expired} sessions expired, {Purged} dossiers purged, {Nonces} nonces and {Answers} answers pruned", expired, purged, nonces, answers);
        }
        return new RetentionPass(expired, purged, nonces, answers);
    }
}

public sealed record RetentionPass(int Expired, int Purged, int Nonces, int Answers);

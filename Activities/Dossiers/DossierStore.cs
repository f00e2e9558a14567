using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>
/// Dossier rows and their audit trail. Every change commits in one transaction with its audit entry
/// (the dossier's own hash chain in the engine's audit log), so no state change goes unrecorded.
/// </summary>
public sealed class DossierStore(DossierDbContextFactory dossiers, IWorkflowDbContextFactory workflows, IAuditLog audit, TimeProvider time)
{
    private const int MaxAttempts = 8;

    public async Task<DossierRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        return await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<DossierRecord?> FindByReceiptAsync(string receiptCode, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        return await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.ReceiptCode == receiptCode, cancellationToken);
    }

    public async Task<DossierRecord?> FindByInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        return await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.InstanceId == instanceId, cancellationToken);
    }

    /// <summary>
    /// Dossiers of a kiosk and/or document type (newest first), for lists that start from the dossier: the instance
    /// viewer's kiosk and document-type filters, a kiosk's page. <paramref name="agencies"/> null means every agency.
    /// </summary>
    public async Task<IReadOnlyList<DossierRecord>> ListAsync(
        string? deviceId, string? documentType, IReadOnlyCollection<string>? agencies, DateTime? createdFrom, DateTime? createdTo, int take, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        var query = db.Dossiers.AsNoTracking();
        if (deviceId is not null)
        {
            query = query.Where(d => d.DeviceId == deviceId);
        }

        if (documentType is not null)
        {
            query = query.Where(d => d.DocumentType == documentType);
        }

        if (agencies is not null)
        {
            query = query.Where(d => agencies.Contains(d.AgencyId));
        }

        if (createdFrom is { } from)
        {
            query = query.Where(d => d.CreatedAt >= from);
        }

        if (createdTo is { } to)
        {
            query = query.Where(d => d.CreatedAt < to);
        }

        return await query.OrderByDescending(d => d.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<DossierRecord> CreateAsync(DossierRecord dossier, string actor, JsonObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var now = time.GetUtcNow().UtcDateTime;
        dossier.CreatedAt = dossier.UpdatedAt = now;
        dossier.Revision = 1;
        await InTransactionAsync(
            async (db, wf) =>
            {
                db.Dossiers.Add(dossier);
                await db.SaveChangesAsync(cancellationToken);
                await audit.StageAsync(wf, Event(dossier, "created", actor, data), cancellationToken);
            },
            cancellationToken);
        DossierTelemetry.Changed("created", dossier.Status);
        return dossier;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current row and, when it returns an action, saves the
    /// row and audits the action; returns the row as it is after. A concurrent writer makes the change
    /// run again on the fresh row.
    /// </summary>
    public async Task<DossierRecord?> UpdateAsync(Guid id, Func<DossierRecord, DossierChange?> change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            DossierRecord? result = null;
            DossierChange? made = null;
            try
            {
                await InTransactionAsync(
                    async (db, wf) =>
                    {
                        result = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
                        if (result is null || change(result) is not { } applied)
                        {
                            return;
                        }

                        result.Revision++;
                        result.UpdatedAt = time.GetUtcNow().UtcDateTime;
                        await db.SaveChangesAsync(cancellationToken);
                        await audit.StageAsync(wf, Event(result, applied.Action, actor, applied.Data), cancellationToken);
                        made = applied;
                    },
                    cancellationToken);
                if (made is not null && result is not null)
                {
                    DossierTelemetry.Changed(made.Action, result.Status);
                }
                return result;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another writer changed the dossier (or took the audit sequence number) first: redo on its
                // state. Contention backoff is wall-clock time, not the business clock a test may hold still.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 << Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }

    /// <summary>Dossiers in <paramref name="status"/> whose <see cref="DossierRecord.ExpiresAt"/> has passed.</summary>
    public async Task<IReadOnlyList<Guid>> ListExpiredAsync(DossierStatus status, DateTime now, int limit, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        return await db.Dossiers.AsNoTracking()
            .Where(d => d.Status == status && d.ExpiresAt != null && d.ExpiresAt < now)
            .OrderBy(d => d.ExpiresAt)
            .Select(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ended dossiers not yet purged whose end is older than <paramref name="endedBefore"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ListPurgeableAsync(DateTime endedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var db = dossiers.Create();
        return await db.Dossiers.AsNoTracking()
            .Where(d => d.PurgedAt == null && d.CompletedAt != null && d.CompletedAt < endedBefore)
            .OrderBy(d => d.CompletedAt)
            .Select(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private async Task InTransactionAsync(Func<DossierDbContext, Workflows.Persistence.WorkflowDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var wf = workflows.Create();
        await wf.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await wf.Database.BeginTransactionAsync(cancellationToken);
            await using var db = dossiers.CreateOn(wf.Database.GetDbConnection());
            await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
            await work(db, wf);
            await wf.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await wf.Database.CloseConnectionAsync();
        }
    }

    private static AuditEvent Event(DossierRecord dossier, string action, string actor, JsonObject? data)
    {
        var payload = data?.DeepClone().AsObject() ?? [];
        payload["status"] = dossier.Status.ToString();
        payload["revision"] = dossier.Revision;
        return new AuditEvent(AuditSubjects.Dossier, dossier.Id.ToString(), action, actor, payload);
    }
}

/// <summary>What a change did, for the audit trail: an action name and non-personal details.</summary>
public sealed record DossierChange(string Action, JsonObject? Data = null);

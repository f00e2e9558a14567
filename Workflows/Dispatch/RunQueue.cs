using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// The shared queue of runs. On PostgreSQL a claim is one <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE
/// SKIP LOCKED)</c>: concurrent nodes skip each other's rows instead of queueing on them, and each row
/// goes to one node. An enqueue notifies the listeners (<c>NOTIFY</c>, delivered at commit). On SQLite
/// (the embedded default: one machine) a claim is a conditional update per row.
/// </summary>
public sealed class RunQueue(IWorkflowDbContextFactory dbFactory, IOptions<PersistenceOptions> persistence, IOptions<DispatchOptions> options, TimeProvider time)
{
    /// <summary>The PostgreSQL channel nodes listen on.</summary>
    public const string Channel = "smartkiosk_run_requests";

    private readonly bool _postgres = persistence.Value.Provider == DatabaseProvider.PostgreSql;
    private readonly DispatchOptions _options = options.Value;

    /// <summary>Queues a run for any node; returns its id.</summary>
    public async Task<Guid> EnqueueAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = New(request, time.GetUtcNow().UtcDateTime);
        db.RunRequests.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        if (_postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>Queues a run that <paramref name="owner"/> runs at once: it is visible to others only if its lease runs out.</summary>
    public async Task<Guid> EnqueueLeasedAsync(RunRequest request, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.Create();
        var record = New(request, now);
        record.LeaseOwner = owner;
        record.LeaseExpiresAt = now + _options.Lease;
        record.Attempts = 1;
        db.RunRequests.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>Takes up to <paramref name="max"/> due runs whose lease is free or expired.</summary>
    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + _options.Lease;
        await using var db = dbFactory.Create();
        List<RunRequestRecord> claimed;
        if (_postgres)
        {
            claimed = await db.RunRequests.FromSql($"""
                UPDATE run_requests SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM run_requests
                    WHERE "CompletedAt" IS NULL AND ("NotBefore" IS NULL OR "NotBefore" <= {now}) AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                    ORDER BY "CreatedAt"
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }
        else
        {
            var candidates = await db.RunRequests.AsNoTracking()
                .Where(r => r.CompletedAt == null && (r.NotBefore == null || r.NotBefore <= now) && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now))
                .OrderBy(r => r.CreatedAt)
                .Take(max)
                .ToListAsync(cancellationToken);
            claimed = [];
            foreach (var candidate in candidates)
            {
                var previous = candidate.LeaseExpiresAt;
                var won = await db.RunRequests
                    .Where(r => r.Id == candidate.Id && r.CompletedAt == null && r.LeaseExpiresAt == previous)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, until).SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
                if (won == 1)
                {
                    candidate.Attempts++;
                    claimed.Add(candidate);
                }
            }
        }

        var runs = new List<ClaimedRun>();
        foreach (var row in claimed)
        {
            RunRequest request;
            try
            {
                request = RunRequest.FromJson(row.RequestJson);
            }
            catch (System.Text.Json.JsonException ex)
            {
                // Unreadable (written by an incompatible version?): done with the reason rather than taken again for ever.
                await CompleteAsync(row.Id, owner, "invalid", ex.Message, cancellationToken);
                continue;
            }
            runs.Add(new ClaimedRun(row.Id, request, row.Attempts));
        }
        return runs;
    }

    /// <summary>Extends the lease; false when the run is no longer this owner's (it expired and was taken over, or is done).</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().UtcDateTime + _options.Lease;
        await using var db = dbFactory.Create();
        return await db.RunRequests
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>
    /// Marks the run done with what it ended as (an instance status, or why it was refused) — only while
    /// <paramref name="owner"/> holds it: a node whose lease lapsed and was taken over leaves the row to the new owner.
    /// </summary>
    public async Task CompleteAsync(Guid id, string owner, string outcome, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.Create();
        await db.RunRequests
            .Where(r => r.Id == id && r.CompletedAt == null && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.Outcome, Clip(outcome, 200))
                    .SetProperty(r => r.LastError, error == null ? null : Clip(error, 2000))
                    .SetProperty(r => r.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
    }

    /// <summary>Gives the run back to the queue, to be tried again at <paramref name="retryAt"/> by any node.</summary>
    public async Task ReleaseAsync(Guid id, string owner, string error, DateTime retryAt, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        await db.RunRequests
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.CompletedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LeaseOwner, (string?)null)
                    .SetProperty(r => r.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(r => r.NotBefore, retryAt)
                    .SetProperty(r => r.LastError, Clip(error, 2000)),
                cancellationToken);
    }

    /// <summary>Deletes up to <paramref name="batch"/> runs done before <paramref name="completedBefore"/>, oldest first; returns how many.</summary>
    public async Task<int> PurgeCompletedAsync(DateTime completedBefore, int batch, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.RunRequests
            .Where(r => r.CompletedAt != null && r.CompletedAt < completedBefore)
            .OrderBy(r => r.CompletedAt)
            .Take(batch)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static RunRequestRecord New(RunRequest request, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = request.Kind,
        InstanceId = request.Start?.InstanceId ?? request.RetryInstanceId ?? Guid.Empty,
        RequestJson = request.ToJson(),
        CreatedAt = now,
    };

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>A run this node took from the queue; <see cref="Attempts"/> above one means it was tried before.</summary>
public sealed record ClaimedRun(Guid Id, RunRequest Request, int Attempts);

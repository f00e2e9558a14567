using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// The outgoing work that activities commit with their instance (<c>context.Enqueue</c>), taken by
/// workers topic by topic. On PostgreSQL a claim is one <c>UPDATE … FOR UPDATE SKIP LOCKED</c>; on
/// SQLite a conditional update per row; either way two workers (or two nodes) never both take an
/// item. A claim whose worker died expires after its lease and the item is taken again — delivery
/// is at least once, and a handler makes a repeat harmless.
/// </summary>
public sealed class WorkQueue(IWorkflowDbContextFactory dbFactory, TimeProvider time)
{
    /// <summary>Claims up to <paramref name="max"/> due items of <paramref name="topic"/> for <paramref name="worker"/>.</summary>
    public async Task<IReadOnlyList<WorkItem>> ClaimAsync(string topic, string worker, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = now - lease;
        await using var db = dbFactory.Create();
        List<WorkItemRecord> claimed;
        if (db.Database.IsNpgsql())
        {
            // Nodes skip the rows another node is claiming instead of queueing behind its lock.
            claimed = await db.WorkItems.FromSql($"""
                UPDATE work_items SET "ClaimedAt" = {now}, "ClaimedBy" = {worker}
                WHERE "Id" IN (
                    SELECT "Id" FROM work_items
                    WHERE "Topic" = {topic} AND "CompletedAt" IS NULL AND ("NotBefore" IS NULL OR "NotBefore" <= {now}) AND ("ClaimedAt" IS NULL OR "ClaimedAt" < {expired})
                    ORDER BY "CreatedAt"
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }
        else
        {
            var candidates = await db.WorkItems.AsNoTracking()
                .Where(w => w.Topic == topic && w.CompletedAt == null && (w.NotBefore == null || w.NotBefore <= now) && (w.ClaimedAt == null || w.ClaimedAt < expired))
                .OrderBy(w => w.CreatedAt)
                .Take(max)
                .ToListAsync(cancellationToken);
            claimed = [];
            foreach (var item in candidates)
            {
                var previousClaim = item.ClaimedAt;
                var won = await db.WorkItems
                    .Where(w => w.Id == item.Id && w.CompletedAt == null && w.ClaimedAt == previousClaim)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedAt, now).SetProperty(w => w.ClaimedBy, worker), cancellationToken);
                if (won == 1)
                {
                    claimed.Add(item);
                }
            }
        }

        return [.. claimed.OrderBy(w => w.CreatedAt).Select(item => new WorkItem(item.Id, item.InstanceId, item.Topic, item.PayloadJson is null ? null : JsonNode.Parse(item.PayloadJson), item.Attempts, item.CreatedAt))];
    }

    /// <summary>Queues work that belongs to no workflow instance (a sign-in code to e-mail).</summary>
    public async Task EnqueueAsync(string topic, JsonNode? payload, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        db.WorkItems.Add(WorkItemRecord.New(Guid.Empty, topic, payload, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var now = time.GetUtcNow().UtcDateTime;
        await db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.CompletedAt, now).SetProperty(w => w.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Releases the item for another try at <paramref name="retryAt"/>, recording why it failed.</summary>
    public async Task FailAsync(Guid id, string error, DateTime retryAt, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(w => w.Attempts, w => w.Attempts + 1)
                .SetProperty(w => w.NotBefore, retryAt)
                .SetProperty(w => w.ClaimedAt, (DateTime?)null)
                .SetProperty(w => w.ClaimedBy, (string?)null)
                .SetProperty(w => w.LastError, message),
            cancellationToken);
    }

    /// <summary>Items of a topic not yet done (for health and tests).</summary>
    public async Task<int> PendingAsync(string topic, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.WorkItems.CountAsync(w => w.Topic == topic && w.CompletedAt == null, cancellationToken);
    }
}

/// <summary>A claimed work item.</summary>
public sealed record WorkItem(Guid Id, Guid InstanceId, string Topic, JsonNode? Payload, int Attempts, DateTime CreatedAt);

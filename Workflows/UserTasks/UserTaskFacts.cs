using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>
/// Keyset paging over (created, id): each chunk is its own short query, so no reader stays open while
/// the caller works and a task added meanwhile neither repeats nor shifts a page.
/// </summary>
public sealed class UserTaskFacts(IWorkflowDbContextFactory dbFactory, int chunkSize = 1000) : IUserTaskFacts
{

    public async IAsyncEnumerable<UserTaskFact> ReadAsync(UserTaskFactQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        DateTime? lastCreated = null;
        var lastId = Guid.Empty;
        while (true)
        {
            await using var db = dbFactory.Create();
            var tasks = db.UserTasks.AsNoTracking().Where(t => t.CreatedAt >= query.CreatedFrom && t.CreatedAt < query.CreatedBefore);
            if (query.Scopes is { } scopes)
            {
                tasks = tasks.Where(t => t.Scope != null && scopes.Contains(t.Scope));
            }

            if (query.WithLabel is { } label)
            {
                tasks = tasks.Where(t => db.UserTaskLabels.Any(l => l.TaskId == t.Id && l.Name == label));
            }

            if (lastCreated is { } created)
            {
                var id = lastId;
                tasks = tasks.Where(t => t.CreatedAt > created || (t.CreatedAt == created && t.Id.CompareTo(id) > 0));
            }

            var chunk = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(chunkSize)
                .Select(t => new { t.Id, t.CorrelationId, t.Scope, t.Status, t.CreatedAt, t.CompletedAt, t.CompletedBy, t.Action })
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                yield break;
            }

            var ids = chunk.Select(t => t.Id).ToList();
            var labels = (await db.UserTaskLabels.AsNoTracking().Where(l => ids.Contains(l.TaskId)).ToListAsync(cancellationToken)).ToLookup(l => l.TaskId);
            foreach (var t in chunk)
            {
                var own = labels[t.Id].GroupBy(l => l.Name, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(l => l.Value).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
                yield return new UserTaskFact(t.Id, t.CorrelationId, t.Scope, own, t.Status, t.CreatedAt, t.CompletedAt, t.CompletedBy, t.Action);
            }

            if (chunk.Count < chunkSize)
            {
                yield break;
            }

            (lastCreated, lastId) = (chunk[^1].CreatedAt, chunk[^1].Id);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>Compiled graphs by definition-version id. Safe to cache forever: a version that ran is never edited.</summary>
public sealed class WorkflowGraphCache(IActivityRegistry registry)
{
    private readonly ConcurrentDictionary<Guid, WorkflowGraph> _graphs = new();

    public async Task<WorkflowGraph> GetAsync(WorkflowDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        if (_graphs.TryGetValue(versionId, out var graph))
        {
            return graph;
        }

        var json = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => v.Json)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Definition version {versionId} does not exist.");

        graph = new WorkflowGraph(versionId, WorkflowJson.Deserialize(json, int.MaxValue), registry);
        return _graphs.GetOrAdd(versionId, graph);
    }
}

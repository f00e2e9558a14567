using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Queries;

public sealed class WorkflowInstanceQueries(IWorkflowDbContextFactory dbFactory, WorkflowGraphCache graphs) : IWorkflowInstanceQueries
{
    public async Task<WorkflowInstanceData?> GetDataAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        var graph = await graphs.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
        var state = StateJson.Deserialize(instance.StateJson);
        var variables = new JsonObject();
        foreach (var (name, value) in state.Variables)
        {
            variables[name] = value?.DeepClone();
        }

        var outputs = state.Outputs
            .Where(o => graph.Definition.Root.Activities.Any(a => a.Id == o.Key))
            .Select(o => new ActivityOutputs(o.Key, graph.Node(o.Key).Type, o.Value))
            .ToList();
        return new WorkflowInstanceData(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            instance.Status,
            instance.CorrelationId,
            state.Input,
            variables,
            outputs,
            [.. bookmarks.Select(b => new BookmarkView(b.Id, b.ActivityId, b.Name, b.Stimulus, b.CorrelationId, b.CreatedAt))],
            instance.FaultMessage,
            instance.UpdatedAt,
            instance.FinishedAt);
    }

    public async Task<WorkflowInstanceView?> GetAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var state = StateJson.Deserialize(instance.StateJson);
        var variables = new JsonObject();
        foreach (var (name, value) in state.Variables)
        {
            variables[name] = value?.DeepClone();
        }

        return new WorkflowInstanceView(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            instance.Status,
            instance.CorrelationId,
            variables,
            instance.FaultMessage,
            instance.CreatedAt,
            instance.UpdatedAt,
            instance.FinishedAt,
            [.. bookmarks.Select(b => new BookmarkView(b.Id, b.ActivityId, b.Name, b.Stimulus, b.CorrelationId, b.CreatedAt))],
            [.. incidents.Select(i => new IncidentView(i.Id, i.ActivityId, i.Kind, i.Message, i.CreatedAt, i.ResolvedAt))]);
    }

    public async Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var records = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        return [.. records.Select(r => new JournalEntryView(
            r.Sequence,
            r.ActivityId,
            r.ActivityType,
            r.Status,
            r.Outcomes,
            r.StartedAt,
            r.CompletedAt,
            r.DurationMs,
            r.Error,
            r.InputsJson is null ? null : JsonNode.Parse(r.InputsJson)?.AsObject(),
            r.OutputsJson is null ? null : JsonNode.Parse(r.OutputsJson)?.AsObject()))];
    }

    public async Task<IReadOnlyList<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var query = db.Instances.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (!string.IsNullOrWhiteSpace(filter.CorrelationId))
        {
            query = query.Where(i => i.CorrelationId == filter.CorrelationId);
        }

        if (filter.CreatedFrom is { } from)
        {
            query = query.Where(i => i.CreatedAt >= from);
        }

        if (filter.CreatedTo is { } to)
        {
            query = query.Where(i => i.CreatedAt < to);
        }

        return await query
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Math.Max(0, filter.Skip))
            .Take(Math.Clamp(filter.Take, 1, 200))
            .Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FaultMessage))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.Incidents.AsNoTracking()
            .Where(i => includeResolved || i.ResolvedAt == null)
            .Join(db.Instances.AsNoTracking(), i => i.InstanceId, w => w.Id, (i, w) => new { i, w.DefinitionId })
            .OrderByDescending(x => x.i.CreatedAt)
            .Take(500)
            .Select(x => new IncidentSummary(x.i.Id, x.i.InstanceId, x.DefinitionId, x.i.ActivityId, x.i.Kind, x.i.Message, x.i.CreatedAt, x.i.ResolvedAt))
            .ToListAsync(cancellationToken);
    }
}

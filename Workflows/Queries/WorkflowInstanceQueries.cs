using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Queries;

public sealed class WorkflowInstanceQueries(IWorkflowDbContextFactory dbFactory) : IWorkflowInstanceQueries
{
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
}

using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Read side of instances: one instance with its bookmarks and incidents, and its journal.</summary>
public interface IWorkflowInstanceQueries
{
    Task<WorkflowInstanceView?> GetAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Input, variables and activity outputs (unredacted, for domain code), or null.</summary>
    Task<WorkflowInstanceData?> GetDataAsync(Guid instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Instances, newest first, filtered and paged.</summary>
    Task<IReadOnlyList<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken);

    /// <summary>Incidents, newest first; only unresolved ones unless <paramref name="includeResolved"/>.</summary>
    Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(bool includeResolved, CancellationToken cancellationToken);
}

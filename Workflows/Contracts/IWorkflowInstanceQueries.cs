using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Read side of instances: one instance with its bookmarks and incidents, and its journal.</summary>
public interface IWorkflowInstanceQueries
{
    Task<WorkflowInstanceView?> GetAsync(Guid instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntryView>> GetJournalAsync(Guid instanceId, CancellationToken cancellationToken);
}

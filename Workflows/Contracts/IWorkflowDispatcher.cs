using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>
/// Runs through the shared queue, so that no run is lost with the node that took it: a node that dies
/// mid-run leaves its lease to expire and another node runs the request again (a replay if the first
/// had committed).
/// </summary>
public interface IWorkflowDispatcher
{
    /// <summary>Queues the run for whichever node is free; returns at once. A start is given its instance id now.</summary>
    Task<DispatchedRun> DispatchAsync(RunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs it here and now for a caller that waits for the result (a kiosk request), queued first under
    /// this node's lease: if this node dies, or the caller gives up, another node finishes it.
    /// </summary>
    Task<IReadOnlyList<WorkflowRunResult>> RunAsync(RunRequest request, CancellationToken cancellationToken);
}

/// <summary>A queued run; <see cref="InstanceId"/> is the instance a start will create.</summary>
public sealed record DispatchedRun(Guid RunId, Guid? InstanceId);

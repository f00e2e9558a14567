using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Starts, resumes and cancels instances. Each call runs the instance until it ends, faults or waits, then commits once.</summary>
public interface IWorkflowRuntime
{
    Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken);

    Task<WorkflowRunResult> ResumeAsync(ResumeBookmarkRequest request, CancellationToken cancellationToken);

    /// <summary>Resumes every bookmark waiting for the signal; one result per instance resumed.</summary>
    Task<IReadOnlyList<WorkflowRunResult>> SignalAsync(SignalRequest request, CancellationToken cancellationToken);

    Task<WorkflowRunResult> CancelAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Resolves a faulted instance's incidents and re-runs it from the faulted activity.</summary>
    Task<WorkflowRunResult> RetryAsync(Guid instanceId, CancellationToken cancellationToken);
}

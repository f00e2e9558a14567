using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>
/// Told after an instance's run committed (live progress, timer scheduling, tests awaiting an event).
/// Called after the transaction, so an observer's failure never undoes a run; it is logged.
/// </summary>
public interface IWorkflowObserver
{
    ValueTask OnCommittedAsync(WorkflowCommit commit, CancellationToken cancellationToken);
}

/// <summary>What a commit changed: the instance's new status and the timers it created.</summary>
public sealed record WorkflowCommit(Guid InstanceId, string DefinitionId, string? CorrelationId, Models.WorkflowStatus Status, IReadOnlyList<TimerView> NewTimers);

/// <summary>A timer: a bookmark that resumes by itself at <see cref="DueAt"/>.</summary>
public sealed record TimerView(Guid BookmarkId, Guid InstanceId, DateTime DueAt);

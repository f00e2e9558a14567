using System.Collections.Concurrent;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Tests.Infrastructure;

/// <summary>Lets a test await an instance reaching a status, instead of sleeping and polling.</summary>
public sealed class CommitRecorder : IWorkflowObserver
{
    private readonly ConcurrentDictionary<(Guid, WorkflowStatus), TaskCompletionSource> _waiters = new();

    public ValueTask OnCommittedAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        Waiter(commit.InstanceId, commit.Status).TrySetResult();
        return ValueTask.CompletedTask;
    }

    public Task WaitForAsync(Guid instanceId, WorkflowStatus status, TimeSpan timeout) =>
        Waiter(instanceId, status).Task.WaitAsync(timeout);

    private TaskCompletionSource Waiter(Guid instanceId, WorkflowStatus status) =>
        _waiters.GetOrAdd((instanceId, status), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>Wakes this node's dispatch loop early: a notification arrived or a run of its own finished.</summary>
public sealed class RunQueueWake
{
    private TaskCompletionSource _next = NewSource();

    public void Set() => _next.TrySetResult();

    /// <summary>Waits for the next wake or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = _next;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timeoutSource.Token);
        await Task.WhenAny(current.Task, delay).ConfigureAwait(false);
        await timeoutSource.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.CompareExchange(ref _next, NewSource(), current);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

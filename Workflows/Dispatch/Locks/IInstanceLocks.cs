namespace SmartKiosk.Workflows.Dispatch.Locks;

/// <summary>
/// One run at a time per instance, across nodes. Correctness does not depend on it (the instance's
/// revision already refuses a lost race); it saves the loser's wasted run and keeps side effects
/// outside the database (a register number, a blob, a call out) from being made twice by two nodes.
/// Not re-entrant: a run must not start another run of the same instance.
/// </summary>
public interface IInstanceLocks
{
    /// <summary>Waits up to <paramref name="timeout"/> for the instance; throws <see cref="TimeoutException"/> when another run keeps it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(Guid instanceId, TimeSpan timeout, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;

namespace SmartKiosk.Activities.Dossiers.Progress;

/// <summary>
/// Wakes live-progress streams in this process when a dossier changes. Best effort by design: a
/// change made by another node is seen by the stream's own periodic re-read, so a lost wake-up only
/// delays an event, never loses it.
/// </summary>
public sealed class DossierChangeFeed
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>Completes at the next change of the dossier (or never; combine with a timeout).</summary>
    public Task NextChangeAsync(Guid dossierId) =>
        _waiters.GetOrAdd(dossierId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Publish(Guid dossierId)
    {
        if (_waiters.TryRemove(dossierId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}

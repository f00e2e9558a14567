namespace SmartKiosk.Workflows.Dispatch.Locks;

/// <summary>
/// The embedded default (SQLite): locks within this process. The back office and the gateway are then
/// two processes over one file; between them the instance's revision still refuses a lost race.
/// </summary>
public sealed class InProcessInstanceLocks : IInstanceLocks
{
    private readonly Dictionary<Guid, Entry> _entries = [];

    public async ValueTask<IAsyncDisposable> AcquireAsync(Guid instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(instanceId, out entry!))
            {
                entry = new Entry();
                _entries[instanceId] = entry;
            }
            entry.Users++;
        }

        try
        {
            if (!await entry.Gate.WaitAsync(timeout, cancellationToken))
            {
                throw new TimeoutException($"Instance {instanceId} is being run elsewhere for longer than {timeout}.");
            }
        }
        catch
        {
            Leave(instanceId, entry);
            throw;
        }

        return new Handle(this, instanceId, entry);
    }

    private void Leave(Guid instanceId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(instanceId);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Handle(InProcessInstanceLocks owner, Guid instanceId, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(instanceId, entry);
            }
            return ValueTask.CompletedTask;
        }
    }
}

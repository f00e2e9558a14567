using Medallion.Threading.Postgres;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch.Locks;

/// <summary>
/// PostgreSQL advisory locks (DistributedLock.Postgres), held by a session: a node that dies loses its
/// connection and with it its locks, so no lock outlives its holder.
/// </summary>
public sealed class PostgresInstanceLocks(IOptions<PersistenceOptions> options) : IInstanceLocks
{
    private readonly string _connectionString = options.Value.ConnectionString;

    public async ValueTask<IAsyncDisposable> AcquireAsync(Guid instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Multiplexing shares one connection among the locks a node holds, so 100 runs in flight do not need 100 connections.
        var @lock = new PostgresDistributedLock(new PostgresAdvisoryLockKey("workflow-instance:" + instanceId.ToString("N"), allowHashing: true), _connectionString, o => o.UseMultiplexing());
        return await @lock.TryAcquireAsync(timeout, cancellationToken)
            ?? throw new TimeoutException($"Instance {instanceId} is being run elsewhere for longer than {timeout}.");
    }
}

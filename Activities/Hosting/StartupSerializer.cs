using Medallion.Threading.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Hosting;

/// <summary>
/// Replicas of the hosts start one at a time on PostgreSQL: a session advisory lock is taken before any
/// hosted service starts and let go once all have, so migrations and the seeders' "insert if missing"
/// (agencies, accounts, demo data) never race between nodes. A node that dies while starting loses its
/// connection, and with it the lock.
/// </summary>
public sealed class StartupSerializer(IOptions<PersistenceOptions> persistence, ILogger<StartupSerializer> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private PostgresDistributedLockHandle? _held;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (persistence.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        _held = await new PostgresDistributedLock(new PostgresAdvisoryLockKey("smartkiosk-startup", allowHashing: true), persistence.Value.ConnectionString)
            .AcquireAsync(Patience, cancellationToken);
        logger.LogInformation("Took the start-up lock after {Waited} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task StartedAsync(CancellationToken cancellationToken) => await ReleaseAsync();

    public async Task StopAsync(CancellationToken cancellationToken) => await ReleaseAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A host whose start failed never reaches StartedAsync: the lock goes with the container.</summary>
    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private async Task ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            await held.DisposeAsync();
        }
    }
}

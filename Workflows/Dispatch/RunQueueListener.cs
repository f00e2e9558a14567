using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// PostgreSQL only: <c>LISTEN</c>s on the queue's channel on a connection of its own and wakes the
/// dispatch loop when another node enqueues, so a queued run starts within milliseconds rather than
/// at the next poll. When the connection drops (a database restart) it reconnects with backoff; the
/// poll keeps the queue moving meanwhile.
/// </summary>
public sealed class RunQueueListener(IOptions<PersistenceOptions> persistence, IOptions<DispatchOptions> dispatch, RunQueueWake wake, TimeProvider time, ILogger<RunQueueListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (persistence.Value.Provider != DatabaseProvider.PostgreSql || !dispatch.Value.Worker)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(persistence.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => wake.Set();
                await using (var listen = new NpgsqlCommand($"LISTEN {RunQueue.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failures > 0)
                {
                    logger.LogInformation("Listening for queued runs again after {Failures} failures", failures);
                }
                failures = 0;

                // Anything queued while no one listened is picked up by the poll; wake once to be sooner.
                wake.Set();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Listening for queued runs failed (failure {Failures}); reconnecting", failures);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

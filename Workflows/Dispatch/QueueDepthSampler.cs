using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Diagnostics;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// Counts the queued runs and the outgoing work every <see cref="DispatchOptions.DepthSampleInterval"/> for
/// the queue-depth gauges: a gauge is read synchronously by the exporter, so it reads this sample
/// rather than the database.
/// </summary>
public sealed class QueueDepthSampler(IWorkflowDbContextFactory dbFactory, IOptions<DispatchOptions> options, TimeProvider time, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DepthSampleInterval, time);
        do
        {
            try
            {
                await using var db = dbFactory.Create();
                var runs = await db.RunRequests.LongCountAsync(r => r.CompletedAt == null, stoppingToken);
                var outbox = await db.WorkItems.LongCountAsync(w => w.CompletedAt == null, stoppingToken);
                WorkflowTelemetry.QueueSampled(runs, outbox);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The schema may not exist yet at the first tick, or the database is restarting: the next tick tries again.
                logger.LogDebug(ex, "Could not sample the queue depth");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

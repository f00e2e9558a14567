using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Diagnostics;
using SmartKiosk.Workflows.Hosting;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// Counts the queued runs and the outgoing work every <see cref="DispatchOptions.DepthSampleInterval"/> for
/// the queue-depth gauges: a gauge is read synchronously by the exporter, so it reads this sample
/// rather than the database.
/// </summary>
public sealed class QueueDepthSampler(IWorkflowDbContextFactory dbFactory, IOptions<DispatchOptions> options, TimeProvider time, ILogger<QueueDepthSampler> logger)
    : PollingWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.DepthSampleInterval;

    // The schema may not exist yet at the first pass, or the database is restarting: the next pass tries again.
    protected override LogLevel FailureLevel => LogLevel.Debug;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Worker ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var runs = await db.RunRequests.LongCountAsync(r => r.CompletedAt == null, cancellationToken);
        var outbox = await db.WorkItems.LongCountAsync(w => w.CompletedAt == null, cancellationToken);
        WorkflowTelemetry.QueueSampled(runs, outbox);
        return 0; // one sample per interval
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Hosting;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// Deletes queued runs done longer ago than <see cref="DispatchOptions.KeepCompletedRuns"/>: a done run is
/// never taken again, and at a city's volume (several runs per dossier) the table would otherwise grow
/// without end. The instance's journal and audit keep what happened; the row only kept how it was dispatched.
/// Every node may purge: the delete is idempotent.
/// </summary>
public sealed class CompletedRunPurge(RunQueue queue, IOptions<DispatchOptions> options, TimeProvider time, ILogger<CompletedRunPurge> logger)
    : PollingWorker(time, logger)
{
    private const int Batch = 1000;

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override LogLevel FailureLevel => LogLevel.Warning; // the next pass catches up

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Worker ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var deleted = await queue.PurgeCompletedAsync(Time.GetUtcNow().UtcDateTime - options.Value.KeepCompletedRuns, Batch, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Purged {Count} queued runs done more than {Keep} ago", deleted, options.Value.KeepCompletedRuns);
        }
        return deleted == Batch ? deleted : 0; // a full batch: more may be waiting, go on at once
    }
}

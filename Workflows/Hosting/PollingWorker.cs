using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartKiosk.Workflows.Hosting;

/// <summary>
/// A background pass over a work queue on every node (claims keep two nodes from doing one item): keeps
/// going while a pass finds work, rests <see cref="Interval"/> when it finds none, and survives a failed pass.
/// </summary>
public abstract class PollingWorker(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time => time;

    /// <summary>How a failed pass is logged; a worker whose passes fail in the ordinary course (a database restarting) lowers it.</summary>
    protected virtual LogLevel FailureLevel => LogLevel.Error;

    /// <summary>One pass; returns how many items it handled.</summary>
    protected abstract Task<int> PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PassAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.Log(FailureLevel, ex, "A pass of {Worker} failed", GetType().Name);
            }
            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}

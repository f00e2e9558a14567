using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Rebuilds the timer jobs from the database at start-up: the rows are the truth, jobs are only alarms.</summary>
public sealed class TimerRecoveryService(TimerDispatcher dispatcher, QuartzTimerScheduler scheduler, ILogger<TimerRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await dispatcher.PendingAsync(cancellationToken);
        foreach (var timer in pending)
        {
            await scheduler.ScheduleAsync(timer, cancellationToken);
        }

        logger.LogInformation("Scheduled {Count} pending workflow timers", pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

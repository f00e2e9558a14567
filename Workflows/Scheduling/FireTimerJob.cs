using Microsoft.Extensions.Logging;
using Quartz;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Quartz job for one timer, scheduled for its due time right after the commit that created it.</summary>
public sealed class FireTimerJob(TimerDispatcher dispatcher, ILogger<FireTimerJob> logger) : IJob
{
    public const string BookmarkIdKey = "bookmarkId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(BookmarkIdKey), out var bookmarkId))
        {
            // Which node fired which timer: clustered, each timer should fire on exactly one.
            logger.LogInformation("Timer {BookmarkId} fired on scheduler {SchedulerInstanceId}{Recovery}", bookmarkId, context.Scheduler.SchedulerInstanceId, context.Recovering ? " (recovered from a node that died)" : "");
            await dispatcher.FireAsync(bookmarkId, cancellationToken);
        }
    }
}

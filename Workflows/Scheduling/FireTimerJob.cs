using Quartz;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Quartz job for one timer, scheduled for its due time right after the commit that created it.</summary>
public sealed class FireTimerJob(TimerDispatcher dispatcher) : IJob
{
    public const string BookmarkIdKey = "bookmarkId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(BookmarkIdKey), out var bookmarkId))
        {
            await dispatcher.FireAsync(bookmarkId, cancellationToken);
        }
    }
}

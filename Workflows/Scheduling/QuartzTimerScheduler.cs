using Quartz;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>
/// Schedules a Quartz job for each timer a commit created, and (at start-up) for every timer in the
/// database, so a timer that fell due while the process was down fires as soon as it is back.
/// Quartz 4 takes its clock from the container's <see cref="TimeProvider"/>, the engine's clock.
/// </summary>
public sealed class QuartzTimerScheduler(ISchedulerFactory schedulers, TimeProvider time) : IWorkflowObserver
{
    public const string Group = "workflow-timers";

    public async ValueTask OnCommittedAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        foreach (var timer in commit.NewTimers)
        {
            await ScheduleAsync(timer, cancellationToken);
        }
    }

    public async Task ScheduleAsync(TimerView timer, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Quartz reads the same TimeProvider from the container, so due times need no translation.
        var now = time.GetUtcNow();
        var due = new DateTimeOffset(timer.DueAt, TimeSpan.Zero);
        var fireAt = due > now ? due : now;
        var job = JobBuilder.Create<FireTimerJob>()
            .WithIdentity(timer.BookmarkId.ToString("N"), Group)
            .UsingJobData(FireTimerJob.BookmarkIdKey, timer.BookmarkId.ToString())
            // Clustered: a timer whose node died while firing it is fired again by another node (the resume is idempotent).
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(timer.BookmarkId.ToString("N"), Group)
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}

using Quartz;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Recurring Quartz job: fires every due timer this node was not told about.</summary>
[DisallowConcurrentExecution]
public sealed class SweepTimersJob(TimerDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("sweep-timers", "workflows");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.FireDueAsync(cancellationToken);
}

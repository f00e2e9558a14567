using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Scheduling;

namespace SmartKiosk.Workflows.Extensions;

/// <summary>Timers fired by Quartz (RAM job store): one job per timer plus a periodic sweep.</summary>
public static class WorkflowTimersServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services, Action<TimerOptions>? configure = null)
    {
        var options = new TimerOptions();
        configure?.Invoke(options);

        services.TryAddSingleton<QuartzTimerScheduler>();
        services.AddSingleton<IWorkflowObserver>(sp => sp.GetRequiredService<QuartzTimerScheduler>());
        services.AddQuartz(q =>
        {
            q.AddJob<SweepTimersJob>(j => j.WithIdentity(SweepTimersJob.Key));
            q.AddTrigger<SweepTimersJob>(t => t
                .ForJob(SweepTimersJob.Key)
                .StartAt(DateTimeOffset.UtcNow + options.SweepInterval)
                .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<TimerRecoveryService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Scheduling;

namespace SmartKiosk.Workflows.Extensions;

/// <summary>Timers fired by Quartz: one job per timer plus a periodic sweep; in memory on one node, clustered on PostgreSQL for several.</summary>
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
            if (!string.IsNullOrEmpty(options.ClusterConnectionString))
            {
                // One scheduler name for all nodes and an id per node (UseClustering generates it, Quartz's "AUTO"):
                // the clustered store hands each trigger to one of them. Several nodes may create the schema at once.
                q.ConfigureScheduler(o => o.InstanceName = "smartkiosk-workflow-timers");
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(options.ClusterConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                    store.ProvisionSchema();
                });
            }

            q.AddJob<SweepTimersJob>(j => j.WithIdentity(SweepTimersJob.Key));
            q.AddTrigger<SweepTimersJob>(t => t
                .WithIdentity(SweepTimersJob.Key.Name, SweepTimersJob.Key.Group)
                .ForJob(SweepTimersJob.Key)
                .StartAt(DateTimeOffset.UtcNow + options.SweepInterval)
                .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<TimerRecoveryService>();
        return services;
    }
}

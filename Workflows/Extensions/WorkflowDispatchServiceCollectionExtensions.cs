using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Extensions;

/// <summary>The shared run queue: every node enqueues, and (unless <c>Workflows:Dispatch:Worker</c> is off) takes runs from it.</summary>
public static class WorkflowDispatchServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowDispatch(this IServiceCollection services, Action<DispatchOptions>? configure = null)
    {
        var builder = services.AddOptions<DispatchOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton<DispatchNode>();
        services.TryAddSingleton<RunQueue>();
        services.TryAddSingleton<RunQueueWake>();
        services.TryAddSingleton<RunExecutor>();
        services.TryAddSingleton<WorkflowDispatcher>();
        services.TryAddSingleton<IWorkflowDispatcher>(sp => sp.GetRequiredService<WorkflowDispatcher>());
        // Both return at once when this process does not take runs (Worker off); the listener also on SQLite.
        services.AddHostedService<RunDispatchService>();
        services.AddHostedService<RunQueueListener>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddHostedService<CompletedRunPurge>();
        return services;
    }
}

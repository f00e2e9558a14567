using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Expressions.JavaScript;
using SmartKiosk.Workflows.Expressions.Liquid;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Queries;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Extensions;

/// <summary>The engine's composition root.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine. Options come from the <c>Workflows</c> and <c>Persistence</c> sections
    /// when the host binds them; activity classes are discovered in the given assemblies (the
    /// built-in ones always).
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, params Assembly[] activityAssemblies)
    {
        var catalog = services.FirstOrDefault(d => d.ServiceType == typeof(ActivityTypeCatalog))?.ImplementationInstance as ActivityTypeCatalog;
        if (catalog is null)
        {
            catalog = new ActivityTypeCatalog().AddAssembly(typeof(WorkflowsServiceCollectionExtensions).Assembly);
            services.AddSingleton(catalog);
        }

        foreach (var assembly in activityAssemblies)
        {
            catalog.AddAssembly(assembly);
        }

        services.AddOptions<WorkflowsOptions>();
        services.AddOptions<PersistenceOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IActivityRegistry, ActivityRegistry>();
        services.TryAddSingleton<IWorkflowDbContextFactory, WorkflowDbContextFactory>();
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<JavaScriptEvaluator>();
        services.TryAddSingleton<LiquidEvaluator>();
        services.TryAddSingleton<IExpressionEvaluator, ExpressionEvaluator>();
        services.TryAddSingleton<WorkflowGraphCache>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<IWorkflowDefinitionStore, WorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.TryAddSingleton<IWorkflowInstanceQueries, WorkflowInstanceQueries>();
        services.TryAddSingleton<Scheduling.TimerDispatcher>();
        services.AddOptions<Scheduling.BusinessCalendarOptions>();
        services.TryAddSingleton<Scheduling.BusinessCalendar>();
        services.TryAddSingleton<IUserTaskService, UserTasks.UserTaskService>();
        services.TryAddSingleton<IUserTaskFacts, UserTasks.UserTaskFacts>();
        services.TryAddSingleton<Dispatch.WorkQueue>();
        services.TryAddSingleton<Dispatch.Locks.IInstanceLocks>(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PersistenceOptions>>().Value.Provider == DatabaseProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<Dispatch.Locks.PostgresInstanceLocks>(sp)
            : new Dispatch.Locks.InProcessInstanceLocks());
        return services;
    }
}

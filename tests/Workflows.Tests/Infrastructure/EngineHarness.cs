using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Workflows.Tests.Infrastructure;

/// <summary>
/// One "process" of the engine over a database: a service provider with the engine, fake time and
/// the test activities. Two harnesses over the same database behave like two nodes (or a process
/// before and after a restart).
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHarness(ServiceProvider services)
    {
        _services = services;
    }

    public FakeTimeProvider Time => _services.GetRequiredService<FakeTimeProvider>();
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowDefinitionStore Definitions => _services.GetRequiredService<IWorkflowDefinitionStore>();
    public IWorkflowInstanceQueries Instances => _services.GetRequiredService<IWorkflowInstanceQueries>();
    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();
    public IActivityRegistry Registry => _services.GetRequiredService<IActivityRegistry>();
    public IWorkflowDbContextFactory Db => _services.GetRequiredService<IWorkflowDbContextFactory>();

    public static async Task<EngineHarness> StartAsync(DatabaseProvider provider, string connectionString, int stepBudget = 200)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        services.AddSingleton(time);
        services.AddSingleton<TimeProvider>(time);
        services.AddWorkflows(typeof(EngineHarness).Assembly, typeof(TestSupport.Activities.ProcessKill).Assembly);
        services.Configure<PersistenceOptions>(o =>
        {
            o.Provider = provider;
            o.ConnectionString = connectionString;
        });
        services.Configure<WorkflowsOptions>(o =>
        {
            o.StepBudget = stepBudget;
            o.Scripts.Timeout = TimeSpan.FromMilliseconds(300);
        });

        var provider_ = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider_.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new EngineHarness(provider_);
    }

    /// <summary>Saves and publishes a definition, failing the test with the validator's messages if it is invalid.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition)
    {
        await Definitions.SaveDraftAsync(definition, "test", CancellationToken.None);
        await Definitions.PublishAsync(definition.DefinitionId, "test", CancellationToken.None);
        return definition;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    private readonly IHost _host;

    private EngineHarness(IHost host)
    {
        _host = host;
    }

    private IServiceProvider Services => _host.Services;

    public FakeTimeProvider Time => Services.GetRequiredService<FakeTimeProvider>();
    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowDefinitionStore Definitions => Services.GetRequiredService<IWorkflowDefinitionStore>();
    public IWorkflowInstanceQueries Instances => Services.GetRequiredService<IWorkflowInstanceQueries>();
    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();
    public IActivityRegistry Registry => Services.GetRequiredService<IActivityRegistry>();
    public IWorkflowDbContextFactory Db => Services.GetRequiredService<IWorkflowDbContextFactory>();

    /// <summary>The fake clock's start: 25/11/2026 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public CommitRecorder Commits => Services.GetRequiredService<CommitRecorder>();
    public Scheduling.TimerDispatcher Timers => Services.GetRequiredService<Scheduling.TimerDispatcher>();

    /// <summary>Everything a commit writes about an instance, as one comparable string: equal means nothing was committed.</summary>
    public async Task<string> SnapshotAsync(Guid instanceId)
    {
        await using var db = Db.Create();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).Select(b => b.Id).ToListAsync();
        var journal = await db.Journal.CountAsync(j => j.InstanceId == instanceId);
        var keys = await db.IdempotencyKeys.CountAsync(k => k.InstanceId == instanceId);
        return $"{instance.Status}|{instance.Revision}|{instance.StateJson}|{string.Join(',', bookmarks)}|{journal}|{keys}";
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Starts an engine. With <paramref name="withTimers"/> the Quartz timer services run as in a host
    /// (hosted services started); otherwise tests fire timers by moving fake time and calling <see cref="Timers"/>.
    /// With <paramref name="dispatchNode"/> it also takes runs from the shared queue under that name.
    /// </summary>
    public static async Task<EngineHarness> StartAsync(DatabaseProvider provider, string connectionString, int stepBudget = 200, bool withTimers = false, DateTimeOffset? now = null, string? dispatchNode = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var time = new FakeTimeProvider(now ?? Epoch);
        services.AddSingleton<CommitRecorder>();
        services.AddSingleton<IWorkflowObserver>(sp => sp.GetRequiredService<CommitRecorder>());
        if (withTimers)
        {
            services.AddWorkflowTimers(o => o.SweepInterval = TimeSpan.FromMinutes(10));
        }

        // Every harness can queue runs; one given a node name also takes them (its poll and leases on the fake clock).
        services.AddWorkflowDispatch(o =>
        {
            o.NodeName = dispatchNode ?? "caller-" + Guid.NewGuid().ToString("N");
            o.Worker = dispatchNode is not null;
        });

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

        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        return new EngineHarness(host);
    }

    /// <summary>Saves and publishes a definition, failing the test with the validator's messages if it is invalid.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition)
    {
        await Definitions.SaveDraftAsync(definition, "test", CancellationToken.None);
        await Definitions.PublishAsync(definition.DefinitionId, "test", CancellationToken.None);
        return definition;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

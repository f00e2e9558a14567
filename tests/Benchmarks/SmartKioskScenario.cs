using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Benchmarks;

/// <summary>
/// Our engine: a start runs the 10 steps and commits the instance, its journal (12 rows) and state in
/// one transaction, so "completed" means durably stored on the chosen database.
/// </summary>
public sealed class SmartKioskScenario(string name, DatabaseProvider provider, string connectionString) : IScenario
{
    private ServiceProvider? _services;
    private IWorkflowRuntime? _runtime;
    private SqliteConnection? _keepAlive;

    public string Name => name;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Sqlite && connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
        {
            // A shared in-memory SQLite database lives as long as one connection to it is open.
            _keepAlive = new SqliteConnection(connectionString);
            await _keepAlive.OpenAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflows(typeof(SmartKioskScenario).Assembly);
        services.Configure<PersistenceOptions>(o =>
        {
            o.Provider = provider;
            o.ConnectionString = connectionString;
        });
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        var definition = new WorkflowDefinition { DefinitionId = "ten-steps", Name = "Ten steps" };
        definition.Root.Activities.Add(new ActivityNode { Id = "start", Type = "Start" });
        var previous = "start";
        for (var i = 1; i <= 10; i++)
        {
            definition.Root.Activities.Add(new ActivityNode { Id = $"step{i}", Type = Noop.TypeName });
            definition.Root.Connections.Add(Connect(previous, $"step{i}"));
            previous = $"step{i}";
        }

        definition.Root.Activities.Add(new ActivityNode { Id = "end", Type = "End" });
        definition.Root.Connections.Add(Connect(previous, "end"));
        var store = _services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.SaveDraftAsync(definition, "bench", CancellationToken.None);
        await store.PublishAsync(definition.DefinitionId, "bench", CancellationToken.None);
        _runtime = _services.GetRequiredService<IWorkflowRuntime>();
    }

    public async Task RunOneAsync(int id)
    {
        var result = await _runtime!.StartAsync(new StartWorkflowRequest { DefinitionId = "ten-steps" }, CancellationToken.None);
        if (result.Status != WorkflowStatus.Finished)
        {
            throw new InvalidOperationException($"Workflow {result.InstanceId} ended {result.Status}: {result.FaultMessage}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }

    private static Connection Connect(string from, string to) =>
        new() { Source = new Endpoint { Activity = from, Port = ActivityResult.DoneOutcome }, Target = new Endpoint { Activity = to, Port = "In" } };

    /// <summary>A trivial activity, the counterpart of WorkflowCore's empty step.</summary>
    [Activity(TypeName, Category = "Bench")]
    [Outcomes(ActivityResult.DoneOutcome)]
    public sealed class Noop : Activity
    {
        public const string TypeName = "Bench.Noop";

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
    }
}

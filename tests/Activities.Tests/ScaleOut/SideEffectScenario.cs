using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>
/// A workflow of cheap side effects (a slow step, a register number, a blob, an outbox row) run by
/// engine nodes in separate processes over one PostgreSQL database, and the checks that every
/// instance finished exactly once and no side effect shows twice.
/// </summary>
internal sealed class SideEffectScenario : IAsyncDisposable
{
    public const string DefinitionId = "probe-side-effects";

    private readonly ServiceProvider _services;
    private readonly string _connectionString;
    private readonly string _folder;
    private readonly string _blobKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<EngineNode> _nodes = [];

    private SideEffectScenario(ServiceProvider services, string connectionString, string folder)
    {
        _services = services;
        _connectionString = connectionString;
        _folder = folder;
    }

    public IReadOnlyList<EngineNode> Nodes => _nodes;

    public string BlobFolder => Path.Combine(_folder, "blobs");

    /// <summary>
    /// Creates the schema, the agencies and the published workflow: its slow step takes <paramref name="workMilliseconds"/>,
    /// and with <paramref name="delay"/> a timer follows it.
    /// </summary>
    public static async Task<SideEffectScenario> PrepareAsync(string connectionString, int workMilliseconds, TimeSpan? delay = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .Configure<PersistenceOptions>(o =>
            {
                o.Provider = DatabaseProvider.PostgreSql;
                o.ConnectionString = connectionString;
            })
            .AddWorkflows(typeof(Workflows.NodeProbe.TakeNumber).Assembly)
            .AddWorkflowDispatch(o => o.Worker = false)
            .AddCertificationRegister()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, CancellationToken.None);

        var definitions = services.GetRequiredService<IWorkflowDefinitionStore>();
        await definitions.SaveDraftAsync(Definition(workMilliseconds, delay), "test", CancellationToken.None);
        await definitions.PublishAsync(DefinitionId, "test", CancellationToken.None);

        var folder = Directory.CreateTempSubdirectory("smartkiosk-nodes-").FullName;
        return new SideEffectScenario(services, connectionString, folder);
    }

    public async Task StartNodesAsync(int count, TimeSpan lease, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Persistence__Provider"] = "PostgreSql",
            ["Persistence__ConnectionString"] = _connectionString,
            ["Workflows__Dispatch__Lease"] = lease.ToString("c"),
            ["Workflows__Dispatch__PollInterval"] = "00:00:00.500",
            ["Workflows__Dispatch__MaxConcurrentRuns"] = "4",
            ["Workflows__Dispatch__Backoff"] = "00:00:00.200",
            ["Workflows__Dispatch__MaxBackoff"] = "00:00:02",
            ["Blobs__KeyId"] = "probe",
            ["Blobs__Keys__probe"] = _blobKey,
            ["DataFolder"] = _folder,
            ["Workflows__Timers__SweepInterval"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var started = await Task.WhenAll(Enumerable.Range(1, count).Select(n => EngineNode.StartAsync($"node-{n}", environment, CancellationToken.None)));
        _nodes.AddRange(started);
    }

    /// <summary>Queues <paramref name="count"/> starts from eight callers at once, as kiosks would; returns the instance ids.</summary>
    public async Task<IReadOnlyList<Guid>> DispatchAsync(int count)
    {
        var dispatcher = _services.GetRequiredService<IWorkflowDispatcher>();
        var ids = new Guid[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            ids[i] = (await dispatcher.DispatchAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = DefinitionId, CorrelationId = $"probe-{i}" }), ct)).InstanceId!.Value);
        return ids;
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the run queue (checked every 100 ms, for at most <paramref name="timeout"/>).</summary>
    public async Task WaitForRunsAsync(Func<IQueryable<Workflows.Persistence.Entities.RunRequestRecord>, Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                await using var db = _services.GetRequiredService<IWorkflowDbContextFactory>().Create();
                if (await condition(db.RunRequests.AsNoTracking()))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException && !deadline.IsCancellationRequested)
            {
                // The database is restarting (a fault-injection test): look again.
            }
            await Task.Delay(100, deadline.Token);
        }
    }

    public Task WaitUntilAllDoneAsync(TimeSpan timeout) =>
        WaitForRunsAsync(async runs => !await runs.AnyAsync(r => r.CompletedAt == null), timeout);

    /// <summary>Waits until every instance has finished (some may have waited on a retry timer after their run).</summary>
    public async Task WaitUntilAllFinishedAsync(int count, TimeSpan timeout)
    {
        await WaitUntilAllDoneAsync(timeout);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                await using var db = _services.GetRequiredService<IWorkflowDbContextFactory>().Create();
                if (await db.Instances.CountAsync(i => i.Status == WorkflowStatus.Finished, deadline.Token) == count)
                {
                    return;
                }
            }
            catch (Npgsql.NpgsqlException) when (!deadline.IsCancellationRequested)
            {
                // Still reconnecting after the restart.
            }
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Every instance finished once, and each side effect exists exactly once.</summary>
    /// <param name="instanceIds">The instances dispatched.</param>
    /// <param name="runsFinished">Whether each queued run itself ended the instance (false when a fault sent some to a retry timer first).</param>
    public async Task AssertEachRanExactlyOnceAsync(IReadOnlyList<Guid> instanceIds, bool runsFinished = true)
    {
        var count = instanceIds.Count;
        await using var db = _services.GetRequiredService<IWorkflowDbContextFactory>().Create();

        var runs = await db.RunRequests.AsNoTracking().ToListAsync();
        var instances = await db.Instances.AsNoTracking().ToListAsync();
        Assert.Equal(count, runs.Count);
        Assert.All(runs, r => Assert.True(r.Outcome == "Finished" || !runsFinished && r.Outcome == "Suspended", $"run {r.Id}: {r.Outcome} {r.LastError} {instances.FirstOrDefault(i => i.Id == r.InstanceId)?.FaultMessage}"));

        Assert.Equal(instanceIds.OrderBy(i => i), instances.Select(i => i.Id).OrderBy(i => i));
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));

        // The journal of each instance holds each step done once: no run was applied twice (a failed attempt is journalled as such).
        var journal = await db.Journal.AsNoTracking().Where(j => j.Status == "Completed" || j.Status == "EndWorkflow").Select(j => new { j.InstanceId, j.ActivityId }).ToListAsync();
        foreach (var step in new[] { "work", "number", "blob", "notify", "end" })
        {
            var perInstance = journal.Where(j => j.ActivityId == step).GroupBy(j => j.InstanceId).ToList();
            Assert.Equal(count, perInstance.Count);
            Assert.All(perInstance, g => Assert.Single(g));
        }

        var outbox = await db.WorkItems.AsNoTracking().Where(w => w.Topic == "probe.notify").ToListAsync();
        Assert.Equal(count, outbox.Count);
        Assert.Equal(count, outbox.Select(w => w.InstanceId).Distinct().Count());

        await using var issuance = _services.GetRequiredService<IssuanceDbContextFactory>().Create();
        var entries = await issuance.RegisterEntries.AsNoTracking().ToListAsync();
        Assert.Equal(count, entries.Count);
        Assert.Equal(instanceIds.Select(i => "probe:" + i.ToString("N")).Order(), entries.Select(e => e.OriginalKey).Order());
        Assert.Equal(Enumerable.Range(1, count), entries.Select(e => e.Number).Order());

        var blobs = Directory.EnumerateFiles(BlobFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(count, blobs.Count);
    }

    /// <summary>Which node finished how many runs.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunsByNodeAsync()
    {
        await using var db = _services.GetRequiredService<IWorkflowDbContextFactory>().Create();
        return (await db.RunRequests.AsNoTracking().Select(r => r.LeaseOwner).ToListAsync())
            .GroupBy(o => o ?? "")
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<List<Workflows.Persistence.Entities.RunRequestRecord>> RunsAsync()
    {
        await using var db = _services.GetRequiredService<IWorkflowDbContextFactory>().Create();
        return await db.RunRequests.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
            if (Environment.GetEnvironmentVariable("SMARTKIOSK_TEST_NODE_LOGS") is { Length: > 0 } logs)
            {
                Directory.CreateDirectory(logs);
                await File.WriteAllTextAsync(Path.Combine(logs, $"{node.Name}-{Guid.NewGuid():N}.log"), await node.ErrorsAsync());
            }
        }
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static WorkflowDefinition Definition(int workMilliseconds, TimeSpan? delay)
    {
        var definition = new WorkflowDefinition { DefinitionId = DefinitionId, Name = "Side effects of a certification, cheaply" };
        void Add(string id, string type, params (string Name, JsonNode Value)[] inputs)
        {
            var node = new ActivityNode { Id = id, Type = type };
            foreach (var (name, value) in inputs)
            {
                node.Inputs[name] = InputExpression.Literal(value);
            }
            definition.Root.Activities.Add(node);
        }

        Add("start", "Start");
        Add("work", "Probe.Work", ("Milliseconds", workMilliseconds));
        if (delay is { } wait)
        {
            Add("delay", "Delay", ("Duration", wait.ToString("c")));
        }
        Add("number", "Probe.TakeNumber", ("AgencyId", SeedAgencies.Agencies[0].Id));
        Add("blob", "Probe.StoreBlob");
        Add("notify", "Probe.Notify");
        Add("end", "End");
        string[] chain = delay is null ? ["start", "work", "number", "blob", "notify", "end"] : ["start", "work", "delay", "number", "blob", "notify", "end"];
        for (var i = 0; i + 1 < chain.Length; i++)
        {
            definition.Root.Connections.Add(new Connection
            {
                Source = new Endpoint { Activity = chain[i], Port = ActivityResult.DoneOutcome },
                Target = new Endpoint { Activity = chain[i + 1], Port = "In" },
            });
        }
        return definition;
    }
}

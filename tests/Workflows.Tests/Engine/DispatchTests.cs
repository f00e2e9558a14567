using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>
/// The shared run queue within one test process: nodes are engine harnesses over one database, the
/// clock is fake (leases and polls move only when the test moves it). The same with separate
/// processes and a real kill is <c>MultiNodeTests</c> (Activities.Tests).
/// </summary>
public abstract class DispatchTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => CancellationToken.None;

    private EngineHarness _worker = null!;
    private EngineHarness _caller = null!;

    public async Task InitializeAsync()
    {
        _worker = await EngineHarness.StartAsync(provider, connectionString, dispatchNode: "worker");
        _caller = await EngineHarness.StartAsync(provider, connectionString);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _caller.DisposeAsync();
    }

    [Fact]
    public async Task A_dispatched_start_is_run_by_a_worker_node_and_marked_done()
    {
        var flow = await _worker.PublishAsync(New().Add("end", "End").Chain("start", "end").Build());
        var dispatched = await _worker.Service<IWorkflowDispatcher>().DispatchAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId }), Ct);

        Assert.NotNull(dispatched.InstanceId);
        await _worker.Commits.WaitForAsync(dispatched.InstanceId.Value, WorkflowStatus.Finished, Wait);
        var row = await CompletedRunAsync(dispatched.RunId);
        Assert.Equal("Finished", row.Outcome);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LeaseExpiresAt);
    }

    [Fact]
    public async Task A_run_left_by_a_dead_node_is_taken_over_once_its_lease_expires_and_runs_once()
    {
        var flow = await _worker.PublishAsync(New().Variable("n", 0).Add("count", "SetVariable", Set("n", "variables.n + 1")).Add("end", "End").Chain("start", "count", "end").Build());
        var instanceId = Guid.CreateVersion7();

        // A node took the run (its lease is in the row) and died before finishing it.
        var runId = await _caller.Service<RunQueue>().EnqueueLeasedAsync(
            RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId, InstanceId = instanceId }), "dead-node", Ct);
        Assert.Empty(await _worker.Service<RunQueue>().ClaimAsync("probe", 10, Ct));

        ExpireLeases();

        await _worker.Commits.WaitForAsync(instanceId, WorkflowStatus.Finished, Wait);
        var row = await CompletedRunAsync(runId);
        Assert.Equal(2, row.Attempts);
        var view = await _worker.Instances.GetAsync(instanceId, Ct);
        Assert.Equal(1, view!.Variables["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_run_whose_first_node_committed_before_dying_is_a_replay_when_taken_over()
    {
        var flow = await _worker.PublishAsync(New().Variable("n", 0).Add("count", "SetVariable", Set("n", "variables.n + 1")).Add("end", "End").Chain("start", "count", "end").Build());
        var instanceId = Guid.CreateVersion7();
        var request = RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId, InstanceId = instanceId });
        var runId = await _caller.Service<RunQueue>().EnqueueLeasedAsync(request, "dead-node", Ct);

        // The dead node's run committed (with the key the executor derives from the run id), then it died before marking the run done.
        await _caller.Service<RunExecutor>().ExecuteAsync(runId, request, Ct);
        var before = await _caller.SnapshotAsync(instanceId);

        ExpireLeases();
        var row = await CompletedRunAsync(runId);

        Assert.True(row.Outcome == "Finished", $"{row.Outcome}: {row.LastError}");
        Assert.Equal(before, await _caller.SnapshotAsync(instanceId));
    }

    [Fact]
    public async Task A_caller_that_gives_up_mid_run_leaves_the_run_to_the_worker()
    {
        var gate = Guid.NewGuid().ToString("N");
        var flow = await _worker.PublishAsync(New().Add("gate", "Test.Gate", Lit("Name", gate)).Add("end", "End").Chain("start", "gate", "end").Build());
        var held = TestActivities.Gate.Create(gate);
        using var giveUp = new CancellationTokenSource();

        var call = _caller.Service<IWorkflowDispatcher>().RunAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId, CorrelationId = gate }), giveUp.Token);
        await held.Entered.Task.WaitAsync(Wait);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        held.Opened.SetResult();

        // Given back at once (not after the lease): the worker's next look takes it.
        _worker.Service<RunQueueWake>().Set();
        await using var db = _worker.Db.Create();
        var run = await db.RunRequests.AsNoTracking().SingleAsync(r => r.RequestJson.Contains(gate));
        var row = await CompletedRunAsync(run.Id);
        Assert.Equal("Finished", row.Outcome);
        Assert.Equal(2, row.Attempts);
        Assert.Single(await db.Instances.AsNoTracking().Where(i => i.CorrelationId == gate).ToListAsync());
    }

    [Fact]
    public async Task A_refused_run_is_done_with_its_reason_and_not_tried_again()
    {
        var dispatcher = _caller.Service<IWorkflowDispatcher>();

        var refused = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => dispatcher.RunAsync(RunRequest.For(new ResumeBookmarkRequest(Guid.NewGuid())), Ct));

        Assert.Equal(RuntimeErrorReason.NotFound, refused.Reason);
        await using var db = _caller.Db.Create();
        var row = await db.RunRequests.AsNoTracking().OrderByDescending(r => r.CreatedAt).FirstAsync(r => r.Kind == RunRequest.ResumeKind);
        Assert.Equal("refused:NotFound", row.Outcome);
        Assert.NotNull(row.CompletedAt);
    }

    [Fact]
    public async Task Done_runs_are_purged_once_older_than_kept_and_queued_runs_never()
    {
        var flow = await _worker.PublishAsync(New().Add("end", "End").Chain("start", "end").Build());
        var done = await _worker.Service<IWorkflowDispatcher>().DispatchAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId }), Ct);
        await _worker.Commits.WaitForAsync(done.InstanceId!.Value, WorkflowStatus.Finished, Wait);
        var completedAt = (await CompletedRunAsync(done.RunId)).CompletedAt!.Value;
        var queued = await _caller.Service<RunQueue>().EnqueueLeasedAsync(
            RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId, InstanceId = Guid.CreateVersion7() }), "busy-node", Ct);
        var queue = _caller.Service<RunQueue>();

        await queue.PurgeCompletedAsync(completedAt, 1000, Ct);
        Assert.True(await ExistsAsync(done.RunId), "a run done at the cut-off is kept");
        await queue.PurgeCompletedAsync(completedAt.AddSeconds(1), 1000, Ct);
        Assert.False(await ExistsAsync(done.RunId));
        await queue.PurgeCompletedAsync(DateTime.MaxValue, 1000, Ct);
        Assert.True(await ExistsAsync(queued), "a run not done is never purged");
    }

    [Fact]
    public async Task The_worker_purges_done_runs_on_its_own_after_the_retention()
    {
        var flow = await _worker.PublishAsync(New().Add("end", "End").Chain("start", "end").Build());
        var done = await _worker.Service<IWorkflowDispatcher>().DispatchAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId }), Ct);
        await _worker.Commits.WaitForAsync(done.InstanceId!.Value, WorkflowStatus.Finished, Wait);
        await CompletedRunAsync(done.RunId);

        var options = _worker.Service<Microsoft.Extensions.Options.IOptions<DispatchOptions>>().Value;
        _worker.Time.Advance(options.KeepCompletedRuns);

        // The purge's wait may begin before or after the move: each further interval lets one more pass run.
        using var timeout = new CancellationTokenSource(Wait);
        while (await ExistsAsync(done.RunId))
        {
            _worker.Time.Advance(options.PurgeInterval);
            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task<bool> ExistsAsync(Guid runId)
    {
        await using var db = _caller.Db.Create();
        return await db.RunRequests.AnyAsync(r => r.Id == runId, Ct);
    }

    /// <summary>Moves the worker's clock past every lease taken so far and has it look at the queue (its poll may have been set before the move).</summary>
    private void ExpireLeases()
    {
        _worker.Time.Advance(TimeSpan.FromSeconds(31));
        _worker.Service<RunQueueWake>().Set();
    }

    /// <summary>The run's row once its node marked it done (just after the commit a test awaits).</summary>
    private async Task<Persistence.Entities.RunRequestRecord> CompletedRunAsync(Guid runId)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            await using var db = _caller.Db.Create();
            var row = await db.RunRequests.AsNoTracking().SingleAsync(r => r.Id == runId, timeout.Token);
            if (row.CompletedAt is not null)
            {
                return row;
            }
            await Task.Delay(20, timeout.Token);
        }
    }
}

public sealed class SqliteDispatchTests(SqliteDatabaseFixture<SqliteDispatchTests> database)
    : DispatchTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteDispatchTests>>;

public sealed class PostgreSqlDispatchTests(PostgresDatabaseFixture<PostgreSqlDispatchTests> database)
    : DispatchTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlDispatchTests>>;

/// <summary>What only PostgreSQL does: claims that skip each other's rows, and a notification that wakes another node.</summary>
public sealed class PostgreSqlRunQueueTests(PostgresDatabaseFixture<PostgreSqlRunQueueTests> database) : IClassFixture<PostgresDatabaseFixture<PostgreSqlRunQueueTests>>
{
    [Fact]
    public async Task Concurrent_claims_take_disjoint_runs_and_together_all_of_them()
    {
        await using var node = await EngineHarness.StartAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
        var queue = node.Service<RunQueue>();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await queue.EnqueueAsync(RunRequest.ForRetry(Guid.NewGuid()), CancellationToken.None));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => queue.ClaimAsync($"node-{n}", 15, CancellationToken.None))));

        var taken = claims.SelectMany(c => c.Select(r => r.Id)).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.Subset(ids, taken.ToHashSet());
        Assert.Equal(ids.Count, taken.Count);
    }

    [Fact]
    public async Task Concurrent_outbox_claims_take_disjoint_items_and_together_all_of_them()
    {
        await using var node = await EngineHarness.StartAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
        var outbox = node.Service<WorkQueue>();
        for (var i = 0; i < 40; i++)
        {
            await outbox.EnqueueAsync("test.mail", new System.Text.Json.Nodes.JsonObject { ["n"] = i }, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() => outbox.ClaimAsync("test.mail", $"worker-{n}", TimeSpan.FromMinutes(1), 15, CancellationToken.None))));

        var taken = claims.SelectMany(c => c.Select(w => w.Id)).ToList();
        Assert.Equal(40, taken.Count);
        Assert.Equal(40, taken.Distinct().Count());
        Assert.Empty(await outbox.ClaimAsync("test.mail", "late", TimeSpan.FromMinutes(1), 15, CancellationToken.None));
    }

    [Fact]
    public async Task A_run_queued_on_one_node_wakes_another_without_waiting_for_its_poll()
    {
        await using var worker = await EngineHarness.StartAsync(DatabaseProvider.PostgreSql, database.ConnectionString, dispatchNode: "listening-worker");
        await using var caller = await EngineHarness.StartAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
        var flow = await caller.PublishAsync(New().Add("end", "End").Chain("start", "end").Build());

        // The worker's clock never moves, so its poll never fires: only NOTIFY can wake it.
        var dispatched = await caller.Service<SmartKiosk.Workflows.Contracts.IWorkflowDispatcher>().DispatchAsync(RunRequest.For(new StartWorkflowRequest { DefinitionId = flow.DefinitionId }), CancellationToken.None);

        await worker.Commits.WaitForAsync(dispatched.InstanceId!.Value, WorkflowStatus.Finished, TimeSpan.FromSeconds(30));
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Tests.Infrastructure;
using SmartKiosk.Workflows.Tests.TestActivities;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>
/// The engine's semantics, run once on SQLite and once on the real PostgreSQL started by test.sh
/// (see the two subclasses at the end of this file).
/// </summary>
public abstract class EngineTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private EngineHarness _engine = null!;

    protected EngineTests(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
    }

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(_provider, _connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData(1500, "big")]
    [InlineData(20, "small")]
    public async Task Decision_takes_the_branch_its_condition_selects(int amount, string expected)
    {
        var flow = New().Variable("size")
            .Add("decide", "Decision", Js("Condition", "input.amount > 1000"))
            .Add("big", "SetVariable", Set("size", "'big'"))
            .Add("small", "SetVariable", Set("size", "'small'"))
            .Add("end", "End")
            .Connect("start", "decide")
            .Connect("decide", "big", "True").Connect("decide", "small", "False")
            .Connect("big", "end").Connect("small", "end");
        await _engine.PublishAsync(flow.Build());

        var result = await _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.Id, Input = new JsonObject { ["amount"] = amount } }, Ct);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var view = await _engine.Instances.GetAsync(result.InstanceId, Ct);
        Assert.Equal(expected, view!.Variables["size"]!.GetValue<string>());
        var journal = await _engine.Instances.GetJournalAsync(result.InstanceId, Ct);
        Assert.Equal(["start", "decide", expected, "end"], journal.Select(j => j.ActivityId));
        Assert.Equal(expected == "big" ? "True" : "False", journal[1].Outcomes);
    }

    [Theory]
    [InlineData("CCCD", "MatchFirst", "id")]
    [InlineData("BIRTH", "MatchFirst", "civil")]
    [InlineData("DIPLOMA", "MatchFirst", "other")]
    [InlineData("CCCD", "MatchAny", "id,any")]
    public async Task Switch_routes_to_matching_cases_or_default(string documentType, string mode, string expected)
    {
        var cases = JsonNode.Parse("""
            [{"label":"Id","condition":"input.type === 'CCCD'"},
             {"label":"Civil","condition":"input.type === 'BIRTH'"},
             {"label":"Any","condition":"input.type.length === 4"}]
            """);
        var flow = New().Variable("route", new JsonArray())
            .Add("switch", "Switch", Lit("Cases", cases), Lit("Mode", mode))
            .Add("id", "SetVariable", Set("route", "variables.route.concat(['id'])"))
            .Add("civil", "SetVariable", Set("route", "variables.route.concat(['civil'])"))
            .Add("any", "SetVariable", Set("route", "variables.route.concat(['any'])"))
            .Add("other", "SetVariable", Set("route", "variables.route.concat(['other'])"))
            .Add("join", "Join")
            .Add("end", "End")
            .Connect("start", "switch")
            .Connect("switch", "id", "Id").Connect("switch", "civil", "Civil").Connect("switch", "any", "Any").Connect("switch", "other", "Default")
            .Connect("id", "join").Connect("civil", "join").Connect("any", "join").Connect("other", "join")
            .Connect("join", "end");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id, new JsonObject { ["type"] = documentType });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var route = (await _engine.Instances.GetAsync(result.InstanceId, Ct))!.Variables["route"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(expected, string.Join(',', route));
    }

    [Fact]
    public async Task Fork_with_WaitAll_join_continues_once_after_every_branch()
    {
        var flow = ForkOfTwoSignals("WaitAll");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id, correlation: "dossier-1");
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(2, started.Bookmarks.Count);

        var afterA = await _engine.Runtime.SignalAsync(new SignalRequest("photo-ok", "dossier-1"), Ct);
        Assert.Equal(WorkflowStatus.Suspended, Assert.Single(afterA).Status);

        var afterB = await _engine.Runtime.SignalAsync(new SignalRequest("fee-paid", "dossier-1"), Ct);
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(afterB).Status);

        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.Single(journal, j => j.ActivityId == "join");
        Assert.Single(journal, j => j.ActivityId == "after");
    }

    [Fact]
    public async Task Fork_with_WaitAny_join_continues_on_the_first_branch_and_cancels_the_other()
    {
        var flow = ForkOfTwoSignals("WaitAny");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id, correlation: "dossier-2");

        var afterB = await _engine.Runtime.SignalAsync(new SignalRequest("fee-paid", "dossier-2"), Ct);

        Assert.Equal(WorkflowStatus.Finished, Assert.Single(afterB).Status);
        var view = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.Empty(view!.Bookmarks);
        Assert.Empty(await _engine.Runtime.SignalAsync(new SignalRequest("photo-ok", "dossier-2"), Ct));
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.DoesNotContain(journal, j => j.ActivityId == "waitA" && j.Status == "Resumed");
        Assert.Single(journal, j => j.ActivityId == "after");
    }

    [Fact]
    public async Task A_loop_with_an_exit_runs_until_its_condition_lets_it_out()
    {
        var flow = New().Variable("count", 0)
            .Add("increment", "SetVariable", Set("count", "variables.count + 1"))
            .Add("again", "Decision", Js("Condition", "variables.count < 5"))
            .Add("end", "End")
            .Connect("start", "increment").Connect("increment", "again")
            .Connect("again", "increment", "True").Connect("again", "end", "False");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(5, (await _engine.Instances.GetAsync(result.InstanceId, Ct))!.Variables["count"]!.GetValue<int>());
        Assert.Equal(5, (await _engine.Instances.GetJournalAsync(result.InstanceId, Ct)).Count(j => j.ActivityId == "increment"));
    }

    [Fact]
    public async Task A_runaway_loop_is_stopped_by_the_step_budget_with_an_incident()
    {
        var flow = New().Variable("count", 0)
            .Add("increment", "SetVariable", Set("count", "variables.count + 1"))
            .Add("again", "Decision", Js("Condition", "variables.count > 0"))
            .Add("end", "End")
            .Connect("start", "increment").Connect("increment", "again")
            .Connect("again", "increment", "True").Connect("again", "end", "False");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var view = await _engine.Instances.GetAsync(result.InstanceId, Ct);
        var incident = Assert.Single(view!.Incidents);
        Assert.Equal("StepBudgetExceeded", incident.Kind);
        Assert.Contains("200 activities", incident.Message);
        Assert.Equal(200, (await _engine.Instances.GetJournalAsync(result.InstanceId, Ct)).Count);
    }

    [Fact]
    public async Task A_signal_resumes_only_the_instance_with_its_correlation_and_delivers_the_payload()
    {
        var flow = New().Variable("officer")
            .Add("wait", "WaitForSignal", Signal("reviewed"))
            .Add("keep", "SetVariable", Set("officer", "outputs.wait.Payload.officer"))
            .Add("end", "End")
            .Chain("start", "wait", "keep", "end");
        await _engine.PublishAsync(flow.Build());
        var mine = await Start(flow.Id, correlation: "D-100");
        var other = await Start(flow.Id, correlation: "D-200");

        var resumed = await _engine.Runtime.SignalAsync(new SignalRequest("reviewed", "D-100", new JsonObject { ["officer"] = "Nguyễn Văn A" }), Ct);

        Assert.Equal(mine.InstanceId, Assert.Single(resumed).InstanceId);
        Assert.Equal(WorkflowStatus.Finished, resumed[0].Status);
        Assert.Equal("Nguyễn Văn A", (await _engine.Instances.GetAsync(mine.InstanceId, Ct))!.Variables["officer"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.Instances.GetAsync(other.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task A_bookmark_can_be_resumed_by_its_id()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);

        var resumed = await _engine.Runtime.ResumeAsync(new ResumeBookmarkRequest(started.Bookmarks.Single().Id), Ct);

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        var gone = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => _engine.Runtime.ResumeAsync(new ResumeBookmarkRequest(started.Bookmarks.Single().Id), Ct));
        Assert.Equal(RuntimeErrorReason.NotFound, gone.Reason);
    }

    [Fact]
    public async Task Starting_twice_with_the_same_idempotency_key_creates_one_instance()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var request = new StartWorkflowRequest { DefinitionId = flow.Id, CorrelationId = "K-1", IdempotencyKey = "kiosk-7:req-42", Input = new JsonObject { ["a"] = 1 } };

        var first = await _engine.Runtime.StartAsync(request, Ct);
        var second = await _engine.Runtime.StartAsync(request, Ct);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.InstanceId, second.InstanceId);
        await using var db = _engine.Db.Create();
        Assert.Equal(1, await db.Instances.CountAsync(i => i.DefinitionId == flow.Id));

        var reused = await Assert.ThrowsAsync<WorkflowRuntimeException>(() =>
            _engine.Runtime.StartAsync(request with { Input = new JsonObject { ["a"] = 2 } }, Ct));
        Assert.Equal(RuntimeErrorReason.Conflict, reused.Reason);
    }

    [Fact]
    public async Task Concurrent_starts_with_the_same_key_still_create_one_instance()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var request = new StartWorkflowRequest { DefinitionId = flow.Id, IdempotencyKey = "race-1" };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _engine.Runtime.StartAsync(request, Ct))));

        Assert.Single(results.Select(r => r.InstanceId).Distinct());
        await using var db = _engine.Db.Create();
        Assert.Equal(1, await db.Instances.CountAsync(i => i.DefinitionId == flow.Id));
    }

    [Fact]
    public async Task Resuming_twice_with_the_same_idempotency_key_resumes_once()
    {
        // A loop that waits on each turn: a second resume would run another turn.
        var flow = New().Variable("turns", 0)
            .Add("wait", "WaitForSignal", Signal("rescan"))
            .Add("count", "SetVariable", Set("turns", "variables.turns + 1"))
            .Add("more", "Decision", Js("Condition", "variables.turns < 10"))
            .Add("end", "End")
            .Chain("start", "wait", "count", "more")
            .Connect("more", "wait", "True").Connect("more", "end", "False");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id, correlation: "D-7");
        var signal = new SignalRequest("rescan", "D-7", new JsonObject { ["page"] = 1 }, IdempotencyKey: "kiosk-7:rescan-1");

        var first = await _engine.Runtime.SignalAsync(signal, Ct);
        var replay = await _engine.Runtime.SignalAsync(signal, Ct);

        Assert.False(Assert.Single(first).Replayed);
        Assert.True(Assert.Single(replay).Replayed);
        Assert.Equal(1, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Variables["turns"]!.GetValue<int>());

        var bookmark = (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Bookmarks.Single();
        var byId = new ResumeBookmarkRequest(bookmark.Id, null, "kiosk-7:rescan-2");
        await _engine.Runtime.ResumeAsync(byId, Ct);
        var again = await _engine.Runtime.ResumeAsync(byId, Ct);
        Assert.True(again.Replayed);
        Assert.Equal(2, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Variables["turns"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_optimistic_concurrency_conflict_is_retried_without_losing_either_resume()
    {
        var gateName = "gate-" + Guid.NewGuid();
        var flow = New().Variable("a", false).Variable("b", false)
            .Add("fork", "Fork", Lit("Branches", new JsonArray("A", "B")))
            .Add("waitA", "WaitForSignal", Signal("a"))
            .Add("gate", "Test.Gate", Lit("Name", gateName))
            .Add("setA", "SetVariable", Set("a", "true"))
            .Add("waitB", "WaitForSignal", Signal("b"))
            .Add("setB", "SetVariable", Set("b", "true"))
            .Add("join", "Join")
            .Add("end", "End")
            .Connect("start", "fork").Connect("fork", "waitA", "A").Connect("fork", "waitB", "B")
            .Chain("waitA", "gate", "setA", "join").Chain("waitB", "setB", "join").Connect("join", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id, correlation: "D-cc");

        // Node 1 resumes branch A and is held inside the gate with its state loaded...
        var gate = Gate.Create(gateName);
        var nodeOne = Task.Run(() => _engine.Runtime.SignalAsync(new SignalRequest("a", "D-cc"), Ct));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // ...while node 2 resumes branch B.
        await using var nodeTwo = await EngineHarness.StartAsync(_provider, _connectionString);
        var nodeTwoRun = Task.Run(() => nodeTwo.Runtime.SignalAsync(new SignalRequest("b", "D-cc"), Ct));
        if (_provider == DatabaseProvider.PostgreSql)
        {
            // The instance lock spans nodes on PostgreSQL: node 2 waits for node 1 rather than computing a run to throw away.
            await WaitForAdvisoryLockWaiterAsync();
            Assert.False(nodeTwoRun.IsCompleted);
            gate.Opened.SetResult();
            Assert.Equal(WorkflowStatus.Suspended, Assert.Single(await nodeOne).Status);
            Assert.Equal(WorkflowStatus.Finished, Assert.Single(await nodeTwoRun).Status);
        }
        else
        {
            // On SQLite the lock is per process: node 2 commits first, node 1's commit loses the race and is recomputed on the fresh state.
            Assert.Equal(WorkflowStatus.Suspended, Assert.Single(await nodeTwoRun).Status);
            gate.Opened.SetResult();
            Assert.Equal(WorkflowStatus.Finished, Assert.Single(await nodeOne).Status);
        }

        var view = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.True(view!.Variables["a"]!.GetValue<bool>());
        Assert.True(view.Variables["b"]!.GetValue<bool>());
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.Single(journal, j => j.ActivityId == "setA");
        Assert.Single(journal, j => j.ActivityId == "setB");
        Assert.Single(journal, j => j.ActivityId == "join");
    }

    private async Task WaitForAdvisoryLockWaiterAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var waiting = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((long)(await waiting.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_with()
    {
        var v1 = New().Variable("version")
            .Add("wait", "WaitForSignal", Signal("go"))
            .Add("mark", "SetVariable", Set("version", "'v1'"))
            .Add("end", "End")
            .Chain("start", "wait", "mark", "end");
        await _engine.PublishAsync(v1.Build());
        var onV1 = await Start(v1.Id, correlation: "pin-1");

        var v2 = v1.Build();
        v2.Root.Activities.Single(a => a.Id == "mark").Inputs["Value"] = Models.InputExpression.JavaScript("'v2'");
        await _engine.PublishAsync(v2);
        var onV2 = await Start(v1.Id, correlation: "pin-2");

        await _engine.Runtime.SignalAsync(new SignalRequest("go", "pin-1"), Ct);
        await _engine.Runtime.SignalAsync(new SignalRequest("go", "pin-2"), Ct);

        var first = await _engine.Instances.GetAsync(onV1.InstanceId, Ct);
        var second = await _engine.Instances.GetAsync(onV2.InstanceId, Ct);
        Assert.Equal((1, "v1"), (first!.DefinitionVersion, first.Variables["version"]!.GetValue<string>()));
        Assert.Equal((2, "v2"), (second!.DefinitionVersion, second.Variables["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Runaway_JavaScript_is_stopped_with_an_error_naming_the_activity()
    {
        var flow = New()
            .Add("spin", "Decision", Js("Condition", "while (true) { } true"))
            .Add("end", "End")
            .Connect("start", "spin").Connect("spin", "end", "True").Connect("spin", "end", "False");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains("activity 'spin'", result.FaultMessage);
        Assert.Contains("was stopped", result.FaultMessage);
    }

    [Fact]
    public async Task JavaScript_has_no_access_to_the_CLR()
    {
        var flow = New().Variable("probe")
            .Add("probe", "SetVariable", Set("probe", "typeof System === 'undefined' && typeof importNamespace === 'undefined' && typeof clrHelper === 'undefined'"))
            .Add("end", "End")
            .Chain("start", "probe", "end");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id);

        Assert.True((await _engine.Instances.GetAsync(result.InstanceId, Ct))!.Variables["probe"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_crash_between_two_activities_leaves_the_last_commit_intact_and_resumable()
    {
        var flow = New().Variable("stamped", false)
            .Add("wait", "WaitForSignal", Signal("approved"))
            .Add("stamp", "SetVariable", Set("stamped", "true"))
            .Add("crash", "Test.PowerFailure")
            .Add("end", "End")
            .Chain("start", "wait", "stamp", "crash", "end");
        await _engine.PublishAsync(flow.Build());
        var correlation = "crash-" + Guid.NewGuid().ToString("N");
        var started = await Start(flow.Id, correlation: correlation);
        var before = await _engine.SnapshotAsync(started.InstanceId);

        using (var process = new CancellationTokenSource())
        {
            PowerFailure.Arm(correlation, process);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                _engine.Runtime.SignalAsync(new SignalRequest("approved", correlation, null, "approve-1"), process.Token));
            PowerFailure.Disarm(correlation);
        }

        Assert.Equal(before, await _engine.SnapshotAsync(started.InstanceId));

        // A new process over the same database picks it up where the last commit left it.
        await using var restarted = await EngineHarness.StartAsync(_provider, _connectionString);
        var resumed = Assert.Single(await restarted.Runtime.SignalAsync(new SignalRequest("approved", correlation, null, "approve-1"), Ct));
        Assert.False(resumed.Replayed);
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.True((await restarted.Instances.GetAsync(started.InstanceId, Ct))!.Variables["stamped"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Cancel_removes_the_bookmarks_and_refuses_later_resumes()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id, correlation: "cancel-1");

        var cancelled = await _engine.Runtime.CancelAsync(started.InstanceId, Ct);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(await _engine.Runtime.SignalAsync(new SignalRequest("go", "cancel-1"), Ct));
    }

    [Fact]
    public async Task A_retracted_definition_starts_nothing_new_but_its_instances_finish()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        await _engine.Definitions.SetBindingAsync("DOC-" + flow.Id, flow.Id, "admin", Ct);
        var running = await _engine.Runtime.StartAsync(new StartWorkflowRequest { BindingKey = "DOC-" + flow.Id, CorrelationId = "r-1" }, Ct);

        await _engine.Definitions.RetractAsync(flow.Id, "admin", Ct);

        var refused = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Start(flow.Id));
        Assert.Equal(RuntimeErrorReason.NotFound, refused.Reason);
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(await _engine.Runtime.SignalAsync(new SignalRequest("go", "r-1"), Ct)).Status);
    }

    [Fact]
    public async Task Faulting_activity_records_an_incident_and_the_journal_error()
    {
        var flow = New().Add("fail", "Fault", Liquid("Message", "Hồ sơ {{ input.dossier }} thiếu trang")).Chain("start", "fail");
        await _engine.PublishAsync(flow.Build());

        var result = await Start(flow.Id, new JsonObject { ["dossier"] = "HS-9" });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var view = await _engine.Instances.GetAsync(result.InstanceId, Ct);
        var incident = Assert.Single(view!.Incidents);
        Assert.Equal("fail", incident.ActivityId);
        Assert.Equal("Hồ sơ HS-9 thiếu trang", incident.Message);
        Assert.Equal("Faulted", (await _engine.Instances.GetJournalAsync(result.InstanceId, Ct))[^1].Status);
    }

    private Task<WorkflowRunResult> Start(string definitionId, JsonObject? input = null, string? correlation = null) =>
        _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input, CorrelationId = correlation }, Ct);


    private static Flow ForkOfTwoSignals(string joinMode) => New()
        .Add("fork", "Fork", Lit("Branches", new JsonArray("Photo", "Fee")))
        .Add("waitA", "WaitForSignal", Signal("photo-ok"))
        .Add("waitB", "WaitForSignal", Signal("fee-paid"))
        .Add("join", "Join", Lit("Mode", joinMode))
        .Add("after", "Log", Liquid("Message", "joined {{ correlationId }}"))
        .Add("end", "End")
        .Connect("start", "fork")
        .Connect("fork", "waitA", "Photo").Connect("fork", "waitB", "Fee")
        .Connect("waitA", "join").Connect("waitB", "join")
        .Chain("join", "after", "end");
}

public sealed class SqliteEngineTests(SqliteDatabaseFixture<SqliteEngineTests> database)
    : EngineTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteEngineTests>>;

public sealed class PostgreSqlEngineTests(PostgresDatabaseFixture<PostgreSqlEngineTests> database)
    : EngineTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlEngineTests>>;

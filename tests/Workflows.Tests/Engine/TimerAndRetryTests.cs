using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Tests.Infrastructure;
using SmartKiosk.Workflows.Tests.TestActivities;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>Durable timers (delays, retry backoff) and incidents, on both providers, with fake time.</summary>
public abstract class TimerAndRetryTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_delay_waits_on_a_timer_row_and_continues_when_it_is_due()
    {
        var flow = New().Add("wait", "Delay", Lit("Duration", "00:10:00")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());

        var started = await Start(flow.Id);

        var timer = Assert.Single(started.Bookmarks);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddMinutes(10), (await _engine.Timers.PendingAsync(Ct)).Single(t => t.BookmarkId == timer.Id).DueAt);
        _engine.Time.Advance(TimeSpan.FromMinutes(9));
        await _engine.Timers.FireDueAsync(Ct);
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
        _engine.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _engine.Timers.FireDueAsync(Ct) >= 1);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task A_delay_until_a_computed_time_uses_JavaScript()
    {
        var flow = New().Add("wait", "Delay", Js("Until", "input.appointment")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());

        var started = await Start(flow.Id, new JsonObject { ["appointment"] = "2026-11-26T08:30:00+07:00" });

        var pending = (await _engine.Timers.PendingAsync(Ct)).Single(t => t.InstanceId == started.InstanceId);
        Assert.Equal(new DateTime(2026, 11, 26, 1, 30, 0, DateTimeKind.Utc), pending.DueAt);
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_process_was_down_fires_when_it_comes_back()
    {
        var flow = New().Add("wait", "Delay", Lit("Duration", "00:05:00")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        await _engine.DisposeAsync();

        // Ten minutes later a new process starts: Quartz jobs are rebuilt from the timer rows.
        _engine = await EngineHarness.StartAsync(provider, connectionString, withTimers: true, now: EngineHarness.Epoch.AddMinutes(10));
        await _engine.Commits.WaitForAsync(started.InstanceId, WorkflowStatus.Finished, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Finished, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task A_failing_activity_is_retried_with_backoff_then_raises_an_incident_and_can_be_retried_from_the_fault()
    {
        var correlation = "flaky-" + Guid.NewGuid().ToString("N");
        Flaky.FailTimes(correlation, 4);
        var flow = New().Add("register", "Test.Flaky").Add("end", "End").Chain("start", "register", "end");
        await _engine.PublishAsync(flow.Build());

        var started = await Start(flow.Id, correlation: correlation);
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(10), (await _engine.Timers.PendingAsync(Ct)).Single(t => t.InstanceId == started.InstanceId).DueAt);

        _engine.Time.Advance(TimeSpan.FromSeconds(10));
        await _engine.Timers.FireDueAsync(Ct);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(30), (await _engine.Timers.PendingAsync(Ct)).Single(t => t.InstanceId == started.InstanceId).DueAt);

        _engine.Time.Advance(TimeSpan.FromSeconds(20));
        await _engine.Timers.FireDueAsync(Ct);
        var faulted = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.Equal(WorkflowStatus.Faulted, faulted!.Status);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal("register", incident.ActivityId);
        Assert.Contains("after 3 attempts", incident.Message);
        Assert.Empty(faulted.Bookmarks);

        // The administrator retries: one more failure would still be retried with backoff, then it succeeds.
        var retried = await _engine.Runtime.RetryAsync(started.InstanceId, Ct);
        Assert.Equal(WorkflowStatus.Suspended, retried.Status);
        _engine.Time.Advance(TimeSpan.FromSeconds(10));
        await _engine.Timers.FireDueAsync(Ct);

        var finished = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.Equal(WorkflowStatus.Finished, finished!.Status);
        Assert.NotNull(Assert.Single(finished.Incidents).ResolvedAt);
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.Equal(
            ["start:Completed", "register:Faulted", "register:Faulted", "register:Faulted", "register:Faulted", "register:Completed", "end:EndWorkflow"],
            journal.Select(j => $"{j.ActivityId}:{j.Status}"));
    }

    [Fact]
    public async Task Retrying_an_instance_that_is_not_faulted_is_refused()
    {
        var flow = New().Add("wait", "WaitForSignal", Signal("go")).Add("end", "End").Chain("start", "wait", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);

        var refused = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => _engine.Runtime.RetryAsync(started.InstanceId, Ct));
        Assert.Equal(RuntimeErrorReason.Conflict, refused.Reason);
    }

    private Task<WorkflowRunResult> Start(string definitionId, JsonObject? input = null, string? correlation = null) =>
        _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input, CorrelationId = correlation }, Ct);
}

public sealed class SqliteTimerAndRetryTests(SqliteDatabaseFixture<SqliteTimerAndRetryTests> database)
    : TimerAndRetryTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteTimerAndRetryTests>>;

public sealed class PostgreSqlTimerAndRetryTests(PostgresDatabaseFixture<PostgreSqlTimerAndRetryTests> database)
    : TimerAndRetryTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlTimerAndRetryTests>>;

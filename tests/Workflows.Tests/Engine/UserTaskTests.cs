using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Scheduling;
using SmartKiosk.Workflows.Tests.Infrastructure;
using SmartKiosk.Workflows.UserTasks;
using Microsoft.Extensions.DependencyInjection;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>User tasks: the operations with revisions and operation ids, completion, timeout and escalation with fake time.</summary>
public abstract class UserTaskTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TaskActor Lan = new("lan", ["clerk"]);
    private static readonly TaskActor Minh = new("minh", ["clerk"]);
    private static readonly TaskActor Admin = new("admin", ["admin"], IsSupervisor: true);
    private EngineHarness _engine = null!;

    private IUserTaskService Tasks => _engine.Service<IUserTaskService>();

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_clerk_claims_and_completes_a_task_and_the_workflow_continues_on_the_chosen_action()
    {
        var flow = New().Variable("approvedBy").PersonalVariable("name")
            .Add("review", "UserTask",
                Liquid("Title", "Duyệt hồ sơ {{ correlationId }}"),
                Lit("CandidateRole", "clerk"),
                Lit("Actions", new JsonArray("Approve", "Reject")),
                Js("FormData", "input.fields"))
            .Add("approved", "SetVariable", Set("approvedBy", "outputs.review.CompletedBy"))
            .Add("keepName", "SetVariable", Set("name", "outputs.review.Result.name"))
            .Add("end", "End")
            .Connect("start", "review")
            .Connect("review", "approved", "Approve").Connect("review", "end", "Reject")
            .Chain("approved", "keepName", "end");
        await _engine.PublishAsync(flow.Build());
        var correlation = "HS-" + Guid.NewGuid().ToString("N")[..8];
        var started = await _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.Id, CorrelationId = correlation, Input = new JsonObject { ["fields"] = new JsonObject { ["name"] = "NGUYEN VAN A" } } }, Ct);

        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));
        Assert.Equal(($"Duyệt hồ sơ {correlation}", UserTaskStatus.Open, 1), (task.Title, task.Status, task.Revision));
        Assert.Equal(["Approve", "Reject"], task.Actions);

        var claimed = await Tasks.ClaimAsync(task.Id, Lan, 1, "op-claim", Ct);
        Assert.Equal((UserTaskStatus.Claimed, "lan", 2), (claimed.Status, claimed.Assignee, claimed.Revision));

        // The same call again (a retried request) is harmless; a stale revision is refused.
        Assert.Equal(2, (await Tasks.ClaimAsync(task.Id, Lan, 1, "op-claim", Ct)).Revision);
        var stale = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.ClaimAsync(task.Id, Minh, 1, "op-minh", Ct));
        Assert.Equal(RuntimeErrorReason.Conflict, stale.Reason);
        var notHers = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.CompleteAsync(task.Id, Minh, "Approve", null, 2, "op-minh-done", Ct));
        Assert.Equal(RuntimeErrorReason.Forbidden, notHers.Reason);

        var done = await Tasks.CompleteAsync(task.Id, Lan, "Approve", new JsonObject { ["name"] = "NGUYỄN VĂN A" }, 2, "op-done", Ct);
        Assert.Equal((UserTaskStatus.Completed, "Approve", 3), (done.Status, done.Action, done.Revision));
        Assert.Equal(3, (await Tasks.CompleteAsync(task.Id, Lan, "Approve", null, 2, "op-done", Ct)).Revision);
        var again = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.CompleteAsync(task.Id, Lan, "Reject", null, 3, "op-other", Ct));
        Assert.Equal(RuntimeErrorReason.Conflict, again.Reason);

        var view = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.Equal(WorkflowStatus.Finished, view!.Status);
        Assert.Equal("lan", view.Variables["approvedBy"]!.GetValue<string>());
        Assert.Equal("NGUYỄN VĂN A", view.Variables["name"]!.GetValue<string>());

        // The journal keeps the path and the decision, not the citizen's data.
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.Equal(["start:Completed", "review:Suspended", "review:Resumed", "approved:Completed", "keepName:Completed", "end:EndWorkflow"], journal.Select(j => $"{j.ActivityId}:{j.Status}"));
        var reviewed = journal.Single(j => j.ActivityId == "review" && j.Status == "Resumed");
        Assert.Equal("***", reviewed.Inputs!["FormData"]!.GetValue<string>());
        Assert.Equal("***", reviewed.Outputs!["Result"]!.GetValue<string>());
        Assert.Equal("Approve", reviewed.Outputs["Action"]!.GetValue<string>());
        Assert.DoesNotContain(journal, j => (j.Inputs?.ToJsonString() + j.Outputs?.ToJsonString()).Contains("NGUY", StringComparison.Ordinal));

        var trail = await _engine.Audit.ReadAsync(AuditSubjects.Task, task.Id.ToString(), Ct);
        Assert.Equal(["task.created", "task.claimed", "task.completed"], trail.Select(e => e.Action));
        Assert.True((await _engine.Audit.VerifyAsync(AuditSubjects.Task, task.Id.ToString(), Ct)).IsIntact);
    }

    [Fact]
    public async Task An_action_the_task_does_not_offer_is_refused_and_the_task_stays_open()
    {
        var flow = ReviewFlow(escalation: "None");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));

        var refused = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.CompleteAsync(task.Id, Lan, "Publish", null, 1, "op-x", Ct));

        Assert.Equal(RuntimeErrorReason.Conflict, refused.Reason);
        Assert.Equal((UserTaskStatus.Open, 1), ((await Tasks.GetAsync(task.Id, Ct))!.Status, (await Tasks.GetAsync(task.Id, Ct))!.Revision));
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task A_task_that_passes_its_due_date_times_out_on_the_Escalated_outcome()
    {
        var flow = ReviewFlow(escalation: "Outcome");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddHours(2), task.DueAt);

        _engine.Time.Advance(TimeSpan.FromHours(2));
        await _engine.Timers.FireDueAsync(Ct);

        var view = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.Equal(WorkflowStatus.Finished, view!.Status);
        Assert.Equal("escalated", view.Variables["result"]!.GetValue<string>());
        var expired = await Tasks.GetAsync(task.Id, Ct);
        Assert.Equal((UserTaskStatus.Expired, true), (expired!.Status, expired.IsEscalated));
    }

    [Fact]
    public async Task Completing_before_the_due_date_cancels_the_timer()
    {
        var flow = ReviewFlow(escalation: "Outcome");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));

        await Tasks.CompleteAsync(task.Id, Lan, "Approve", null, 1, "op-1", Ct);

        Assert.DoesNotContain(await _engine.Timers.PendingAsync(Ct), t => t.InstanceId == started.InstanceId);
        Assert.Equal("approved", (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Variables["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Escalation_as_a_signal_keeps_the_task_open_makes_it_urgent_and_lets_a_branch_route_it()
    {
        var flow = New().Variable("notified", false)
            .Add("fork", "Fork", Lit("Branches", new JsonArray("Task", "Watch")))
            .Add("review", "UserTask", Lit("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Lit("DueRule", "SameDayOrNextWorkingDay"), Lit("Escalation", "Signal"), Lit("EscalationSignal", "review-late"))
            .Add("watch", "WaitForSignal", Signal("review-late"))
            .Add("notify", "SetVariable", Set("notified", "true"))
            .Add("join", "Join")
            .Add("end", "End")
            .Connect("start", "fork").Connect("fork", "review", "Task").Connect("fork", "watch", "Watch")
            .Connect("review", "join", "Approve").Chain("watch", "notify", "join").Connect("join", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));

        // Received Wednesday 25/11/2026 10:00 in Hanoi, before the 15:00 cut-off: due 17:00 the same day.
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), task.DueAt);
        _engine.Time.Advance(TimeSpan.FromHours(7));
        await _engine.Timers.FireDueAsync(Ct);

        var escalated = await Tasks.GetAsync(task.Id, Ct);
        Assert.Equal((UserTaskStatus.Open, true, "Urgent"), (escalated!.Status, escalated.IsEscalated, escalated.Priority));
        var view = await _engine.Instances.GetAsync(started.InstanceId, Ct);
        Assert.True(view!.Variables["notified"]!.GetValue<bool>());
        Assert.Equal(WorkflowStatus.Suspended, view.Status);

        await Tasks.CompleteAsync(task.Id, Lan, "Approve", null, escalated.Revision, "op-late", Ct);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task A_supervisor_assigns_and_cancels_while_a_clerk_may_not()
    {
        var flow = ReviewFlow(escalation: "None");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));

        var denied = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.AssignAsync(task.Id, Lan, "minh", 1, "op-a", Ct));
        Assert.Equal(RuntimeErrorReason.Forbidden, denied.Reason);
        var assigned = await Tasks.AssignAsync(task.Id, Admin, "minh", 1, "op-b", Ct);
        Assert.Equal(("minh", 2), (assigned.Assignee, assigned.Revision));
        var released = await Tasks.ReleaseAsync(task.Id, Minh, 2, "op-c", Ct);
        Assert.Equal((UserTaskStatus.Open, 3), (released.Status, released.Revision));

        var cancelled = await Tasks.CancelAsync(task.Id, Admin, 3, "op-d", Ct);

        Assert.Equal(UserTaskStatus.Cancelled, cancelled.Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
    }

    [Fact]
    public async Task Due_dates_follow_office_time_in_Hanoi_with_holidays_as_data()
    {
        var calendar = _engine.Service<BusinessCalendar>();
        var friday4pm = new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(7));
        var mondayDue = new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(mondayDue, await calendar.SameDayOrNextWorkingDayAsync(friday4pm, Ct));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.FromHours(7)), await calendar.SameDayOrNextWorkingDayAsync(friday4pm.AddHours(-2), Ct));

        await calendar.SetHolidayAsync(new DateOnly(2026, 12, 7), "Ngày nghỉ bù (test)", Ct);
        Assert.Equal(mondayDue.AddDays(1), await calendar.SameDayOrNextWorkingDayAsync(friday4pm, Ct));
        Assert.False(await calendar.IsWorkingDayAsync(new DateOnly(2026, 12, 7), Ct));
    }

    [Fact]
    public async Task Task_facts_stream_every_task_of_a_period_once_in_small_chunks_with_labels_and_scopes()
    {
        var (here, there) = ("ward-" + Guid.NewGuid().ToString("N")[..8], "ward-" + Guid.NewGuid().ToString("N")[..8]);
        var flow = New()
            .Add("review", "UserTask", Lit("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Js("Scope", "input.scope"), Js("Labels", "input.labelled ? ({ review: 'clear', reason: ['face', 'disputed'] }) : ({})"))
            .Add("end", "End")
            .Connect("start", "review").Connect("review", "end", "Approve");
        await _engine.PublishAsync(flow.Build());
        _engine.Time.Advance(TimeSpan.FromMinutes(5));
        var from = _engine.Time.GetUtcNow().UtcDateTime;
        var expected = new List<string>();
        // Several tasks share one instant: the keyset's tie on the id must neither skip nor repeat one.
        for (var i = 0; i < 7; i++)
        {
            if (i % 3 == 0)
            {
                _engine.Time.Advance(TimeSpan.FromSeconds(1));
            }

            var correlation = $"facts-{i}-{Guid.NewGuid():N}";
            var labelled = i != 5;
            await _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.Id, CorrelationId = correlation, Input = new JsonObject { ["scope"] = i == 6 ? there : here, ["labelled"] = labelled } }, Ct);
            if (labelled && i != 6)
            {
                expected.Add(correlation);
            }
        }

        var facts = new UserTaskFacts(_engine.Service<IWorkflowDbContextFactory>(), chunkSize: 2);
        var query = new UserTaskFactQuery(from, _engine.Time.GetUtcNow().UtcDateTime.AddSeconds(1), "review") { Scopes = [here] };
        var read = new List<UserTaskFact>();
        await foreach (var fact in facts.ReadAsync(query, Ct))
        {
            read.Add(fact);
        }

        Assert.Equal(expected.Order(), read.Select(f => f.CorrelationId!).Order());
        Assert.Equal(read.Count, read.Select(f => f.Id).Distinct().Count());
        Assert.All(read, f => Assert.Equal(["disputed", "face"], f.Labels["reason"]));
        Assert.True(read.Zip(read.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt));
    }

    [Fact]
    public async Task Scoped_tasks_are_invisible_and_untouchable_outside_their_scope_and_labels_page_and_counts_filter_the_inbox()
    {
        var (here, there) = ("ward-" + Guid.NewGuid().ToString("N")[..8], "ward-" + Guid.NewGuid().ToString("N")[..8]);
        var flow = New()
            .Add("review", "UserTask", Liquid("Title", "Duyệt {{ input.receipt }}"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Js("Scope", "input.scope"), Js("Labels", "({ documentType: input.type, reason: input.reasons, ward: input.scope })"))
            .Add("end", "End")
            .Connect("start", "review").Connect("review", "end", "Approve");
        await _engine.PublishAsync(flow.Build());
        async Task<Guid> StartIn(string scope, string type, params string[] reasons)
        {
            var receipt = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            _engine.Time.Advance(TimeSpan.FromSeconds(1));
            await _engine.Runtime.StartAsync(new StartWorkflowRequest
            {
                DefinitionId = flow.Id,
                CorrelationId = receipt,
                Input = new JsonObject { ["scope"] = scope, ["type"] = type, ["receipt"] = receipt, ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]) },
            }, Ct);
            return Assert.Single((await Tasks.PageAsync(new UserTaskQuery { CorrelationId = receipt }, Ct)).Items).Id;
        }
        var cccd = await StartIn(here, "cccd", "disputed", "face");
        var diploma = await StartIn(here, "diploma", "face");
        var elsewhere = await StartIn(there, "cccd", "disputed");
        var lanHere = Lan with { Scopes = [here] };

        // Someone limited to scopes sees only those scopes' tasks: not another's, not one without a scope.
        var unscopedFlow = ReviewFlow(escalation: "None");
        await _engine.PublishAsync(unscopedFlow.Build());
        var unscoped = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: (await Start(unscopedFlow.Id)).InstanceId), Ct)).Id;
        var visible = (await Tasks.ListAsync(new UserTaskQuery(Take: 200) { Scopes = [here] }, Ct)).Select(t => t.Id).Order().ToList();
        Assert.Equal(new[] { cccd, diploma }.Order(), visible);
        Assert.Equal(RuntimeErrorReason.NotFound, (await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.ClaimAsync(unscoped, Lan with { Scopes = [here] }, 1, "op-u", Ct))).Reason);
        var ward = new Dictionary<string, string> { ["ward"] = here };
        var mine = await Tasks.PageAsync(new UserTaskQuery(Take: 1) { Scopes = [here], Labels = ward, Sort = UserTaskSort.CreatedAt }, Ct);
        Assert.Equal((2, cccd), (mine.Total, Assert.Single(mine.Items).Id));
        Assert.Equal([cccd], (await Tasks.ListAsync(new UserTaskQuery { Scopes = [here], Labels = new Dictionary<string, string> { ["documentType"] = "cccd" } }, Ct)).Select(t => t.Id));
        Assert.Equal([diploma, cccd], (await Tasks.ListAsync(new UserTaskQuery { Scopes = [here], Labels = new Dictionary<string, string> { ["reason"] = "face" }, Sort = UserTaskSort.CreatedAtDescending }, Ct)).Select(t => t.Id));
        Assert.Equal(["disputed", "face"], (await Tasks.GetAsync(cccd, Ct))!.Labels["reason"]);
        var receipt = (await Tasks.GetAsync(diploma, Ct))!.CorrelationId!;
        Assert.Equal([diploma], (await Tasks.ListAsync(new UserTaskQuery { Scopes = [here], Search = receipt }, Ct)).Select(t => t.Id));

        await Tasks.ClaimAsync(cccd, lanHere, 1, "op-claim", Ct);
        var counts = await Tasks.CountByStatusAsync(new UserTaskQuery(Statuses: [UserTaskStatus.Completed]) { Scopes = [here], Labels = ward }, Ct);
        Assert.Equal((1, 1, 0), (counts[UserTaskStatus.Open], counts[UserTaskStatus.Claimed], counts[UserTaskStatus.Completed]));

        // Another ward's task does not exist for this clerk, whatever she tries; a city-wide supervisor sees it.
        var hidden = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.ClaimAsync(elsewhere, lanHere, 1, "op-x", Ct));
        Assert.Equal(RuntimeErrorReason.NotFound, hidden.Reason);
        var notDone = await Assert.ThrowsAsync<WorkflowRuntimeException>(() => Tasks.CompleteAsync(elsewhere, lanHere, "Approve", null, 1, "op-y", Ct));
        Assert.Equal(RuntimeErrorReason.NotFound, notDone.Reason);
        Assert.Equal(UserTaskStatus.Claimed, (await Tasks.AssignAsync(elsewhere, Admin, "minh", 1, "op-z", Ct)).Status);
    }

    [Fact]
    public async Task A_malformed_label_faults_the_activity_and_leaves_no_half_made_task_behind()
    {
        var flow = New()
            .Add("review", "UserTask", Lit("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Js("Labels", "({ 'not a name!': 'x' })"))
            .Add("end", "End")
            .Connect("start", "review").Connect("review", "end", "Approve");
        await _engine.PublishAsync(flow.Build());

        var started = await Start(flow.Id);

        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId, Ct);
        Assert.Contains(journal, j => j.ActivityId == "review" && j.Status == "Faulted" && j.Error!.Contains("not a name!", StringComparison.Ordinal));
        Assert.Empty(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));
    }

    [Fact]
    public async Task A_task_nearing_its_due_date_becomes_urgent_stays_with_its_assignee_and_is_announced_once()
    {
        var flow = New().Variable("result")
            .Add("review", "UserTask", Lit("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Lit("Scope", "ward-1"), Lit("DueIn", "02:00:00"), Lit("EscalateBefore", "00:30:00"))
            .Add("approved", "SetVariable", Set("result", "'approved'"))
            .Add("end", "End")
            .Connect("start", "review").Connect("review", "approved", "Approve").Connect("approved", "end");
        await _engine.PublishAsync(flow.Build());
        var started = await Start(flow.Id);
        var task = Assert.Single(await Tasks.ListAsync(new UserTaskQuery(InstanceId: started.InstanceId), Ct));
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddMinutes(90), task.DueSoonAt);
        await Tasks.ClaimAsync(task.Id, Lan, 1, "op-claim", Ct);
        var queue = _engine.Service<Dispatch.WorkQueue>();

        _engine.Time.Advance(TimeSpan.FromMinutes(89));
        await _engine.Timers.FireDueAsync(Ct);
        Assert.False((await Tasks.GetAsync(task.Id, Ct))!.IsEscalated);

        _engine.Time.Advance(TimeSpan.FromMinutes(1));
        await _engine.Timers.FireDueAsync(Ct);
        await _engine.Timers.FireDueAsync(Ct);

        var urgent = await Tasks.GetAsync(task.Id, Ct);
        Assert.Equal((UserTaskStatus.Claimed, "lan", true, "Urgent", 2), (urgent!.Status, urgent.Assignee, urgent.IsEscalated, urgent.Priority, urgent.Revision));
        var notice = Assert.Single(await queue.ClaimAsync(Activities.UserTasks.UserTask.DueSoonTopic, "test", TimeSpan.FromMinutes(1), 10, Ct), i => i.InstanceId == started.InstanceId);
        Assert.Equal((task.Id.ToString(), "ward-1", "lan"), (notice.Payload!["taskId"]!.GetValue<string>(), notice.Payload["scope"]!.GetValue<string>(), notice.Payload["assignee"]!.GetValue<string>()));
        Assert.Contains("task.due-soon", (await _engine.Audit.ReadAsync(AuditSubjects.Task, task.Id.ToString(), Ct)).Select(e => e.Action));

        await Tasks.CompleteAsync(task.Id, Lan, "Approve", null, urgent.Revision, "op-done", Ct);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Instances.GetAsync(started.InstanceId, Ct))!.Status);
        Assert.DoesNotContain(await _engine.Timers.PendingAsync(Ct), t => t.InstanceId == started.InstanceId);
    }

    private Task<WorkflowRunResult> Start(string definitionId) =>
        _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, CorrelationId = "HS-" + Guid.NewGuid().ToString("N")[..8] }, Ct);

    private static Flow ReviewFlow(string escalation)
    {
        var flow = New().Variable("result")
            .Add("review", "UserTask", Lit("Title", "Duyệt"), Lit("CandidateRole", "clerk"), Lit("Actions", new JsonArray("Approve")),
                Lit("DueIn", "02:00:00"), Lit("Escalation", escalation))
            .Add("approved", "SetVariable", Set("result", "'approved'"))
            .Add("end", "End")
            .Connect("start", "review").Connect("review", "approved", "Approve").Connect("approved", "end");
        if (escalation == "Outcome")
        {
            flow.Add("late", "SetVariable", Set("result", "'escalated'")).Connect("review", "late", "Escalated").Connect("late", "end");
        }

        return flow;
    }
}

public sealed class SqliteUserTaskTests(SqliteDatabaseFixture<SqliteUserTaskTests> database)
    : UserTaskTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteUserTaskTests>>;

public sealed class PostgreSqlUserTaskTests(PostgresDatabaseFixture<PostgreSqlUserTaskTests> database)
    : UserTaskTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlUserTaskTests>>;

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Scheduling;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Workflows.Activities.UserTasks;

/// <summary>
/// A task for a person (Elsa's UserTasks model): candidate role, optional assignee, priority, due date
/// and actions, each action an outcome. The task row, its bookmarks and its audit entries commit with
/// the instance; completing the task (through <see cref="IUserTaskService"/>) resumes the workflow on
/// the chosen action with the form data as output.
/// </summary>
[Activity(TypeName, Category = "User tasks", DisplayName = "User task", Description = "Waits for a person in a role to act; each action is an outcome.")]
[Outcomes(Provider = typeof(UserTaskOutcomes))]
public sealed class UserTask(BusinessCalendar calendar) : Activity
{
    public const string TypeName = "UserTask";
    public const string TaskBookmark = "UserTask";
    public const string DueBookmark = "UserTaskDue";
    public const string EscalatedOutcome = "Escalated";

    [Input(Description = "What the person must do; Liquid can insert values.", Required = true, DefaultSyntax = ExpressionSyntax.Liquid)]
    public string Title { get; set; } = "";

    [Input(DefaultSyntax = ExpressionSyntax.Liquid, UIHint = "multiline")]
    public string? Description { get; set; }

    [Input(Description = "The role whose members may take the task, e.g. clerk.", Required = true, Pattern = "^[a-z][a-z0-9_-]{0,63}$")]
    public string CandidateRole { get; set; } = "";

    [Input(Description = "A user to assign the task to at once (optional).")]
    public string? Assignee { get; set; }

    [Input(DefaultJson = "\"Normal\"")]
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    [Input(Description = "Actions offered, each an outcome, e.g. [\"Approve\", \"Reject\", \"Rescan\"].", Required = true, LiteralOnly = true, DefaultJson = "[\"Approve\",\"Reject\"]")]
    public List<string> Actions { get; set; } = [];

    [Input(Description = "An explicit due date (takes precedence).", DefaultSyntax = ExpressionSyntax.JavaScript)]
    public DateTimeOffset? DueAt { get; set; }

    [Input(Description = "Due after this long, e.g. 04:00:00.")]
    public TimeSpan? DueIn { get; set; }

    [Input(Description = "Office-time rule when no due date is given.", DefaultJson = "\"None\"")]
    public DueRule DueRule { get; set; } = DueRule.None;

    [Input(Description = "What happens when the due date passes.", DefaultJson = "\"None\"", LiteralOnly = true)]
    public EscalationMode Escalation { get; set; } = EscalationMode.None;

    [Input(Description = "The signal raised in this workflow when the task escalates (Escalation = Signal).", DefaultJson = "\"task-escalated\"")]
    public string EscalationSignal { get; set; } = "task-escalated";

    [Input(Description = "Data the person sees and may correct (e.g. recognised fields).", DefaultSyntax = ExpressionSyntax.JavaScript, IsPersonalData = true)]
    public JsonNode? FormData { get; set; }

    [Output(Description = "The id of the task.")]
    public Guid TaskId { get; set; }

    [Output(Description = "The action taken, or Escalated.")]
    public string? Action { get; set; }

    [Output(Description = "The form data as submitted.", IsPersonalData = true)]
    public JsonNode? Result { get; set; }

    [Output(Description = "Who completed the task.")]
    public string? CompletedBy { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var now = context.Time.GetUtcNow();
        var due = DueAt;
        if (due is null && DueIn is { } span)
        {
            due = now + span;
        }
        else if (due is null && DueRule == DueRule.SameDayOrNextWorkingDay)
        {
            due = await calendar.SameDayOrNextWorkingDayAsync(now, context.CancellationToken);
        }

        TaskId = Guid.CreateVersion7(now);
        var task = new UserTaskRecord
        {
            Id = TaskId,
            InstanceId = context.InstanceId,
            ActivityId = context.ActivityId,
            CorrelationId = context.CorrelationId,
            Title = Title,
            Description = Description,
            CandidateRole = CandidateRole,
            Assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee,
            Status = string.IsNullOrWhiteSpace(Assignee) ? UserTaskStatus.Open : UserTaskStatus.Claimed,
            Priority = (int)Priority,
            Actions = string.Join(',', Actions),
            FormDataJson = FormData?.ToJsonString(),
            CreatedAt = now.UtcDateTime,
            DueAt = due?.UtcDateTime,
            Revision = 1,
        };
        context.Db.UserTasks.Add(task);
        await Audit(context, task, "task.created", "system", new JsonObject { ["role"] = CandidateRole, ["due"] = due?.ToString("O") });

        var wait = new BookmarkRequest(TaskBookmark, TaskId.ToString(), context.CorrelationId, new JsonObject { ["taskId"] = TaskId.ToString() });
        if (due is { } dueAt && Escalation != EscalationMode.None)
        {
            var timer = new BookmarkRequest(DueBookmark, TaskId.ToString(), null, new JsonObject { ["taskId"] = TaskId.ToString() }) { DueAt = dueAt };
            return ActivityResult.Suspend(wait, timer);
        }

        return ActivityResult.Suspend(wait);
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context)
    {
        var resumed = context.Resumed!;
        var taskId = Guid.Parse(resumed.Stimulus);
        var task = await context.Db.UserTasks.SingleAsync(t => t.Id == taskId, context.CancellationToken);
        TaskId = task.Id;
        return resumed.Name == DueBookmark
            ? await EscalateAsync(context, task)
            : await CompleteAsync(context, task, resumed.Payload);
    }

    private async Task<ActivityResult> CompleteAsync(ActivityExecutionContext context, UserTaskRecord task, JsonNode? payload)
    {
        var completion = payload?.Deserialize<TaskCompletion>(WorkflowJson.Options)
            ?? throw new InvalidOperationException("A task is completed through the task service.");
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed))
        {
            return ActivityResult.RejectResume($"Task {task.Id} is {task.Status}.");
        }

        if (completion.ExpectedRevision != task.Revision)
        {
            return ActivityResult.RejectResume($"Task {task.Id} is at revision {task.Revision}, not {completion.ExpectedRevision}: reload it and try again.");
        }

        if (!task.Actions.Split(',').Contains(completion.Action, StringComparer.Ordinal))
        {
            return ActivityResult.RejectResume($"'{completion.Action}' is not an action of task {task.Id} ({task.Actions}).");
        }

        var now = context.Time.GetUtcNow().UtcDateTime;
        task.Status = UserTaskStatus.Completed;
        task.Action = completion.Action;
        task.CompletedBy = completion.User;
        task.CompletedAt = now;
        task.Assignee ??= completion.User;
        if (completion.FormData is not null)
        {
            task.FormDataJson = completion.FormData.ToJsonString();
        }

        task.Revision++;
        context.Db.TaskOperations.Add(new TaskOperationRecord { TaskId = task.Id, OperationId = completion.OperationId, Kind = "complete", Actor = completion.User, ResultRevision = task.Revision, AppliedAt = now });
        await Audit(context, task, "task.completed", completion.User, new JsonObject { ["action"] = completion.Action, ["revision"] = task.Revision });

        Action = completion.Action;
        Result = task.FormDataJson is null ? null : JsonNode.Parse(task.FormDataJson);
        CompletedBy = completion.User;
        return ActivityResult.Complete(completion.Action);
    }

    private async Task<ActivityResult> EscalateAsync(ActivityExecutionContext context, UserTaskRecord task)
    {
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed))
        {
            return ActivityResult.KeepWaiting();
        }

        task.IsEscalated = true;
        task.Revision++;
        if (Escalation == EscalationMode.Outcome)
        {
            task.Status = UserTaskStatus.Expired;
            task.Action = EscalatedOutcome;
            await Audit(context, task, "task.expired", "system", new JsonObject { ["revision"] = task.Revision });
            Action = EscalatedOutcome;
            return ActivityResult.Complete(EscalatedOutcome);
        }

        task.Priority = (int)TaskPriority.Urgent;
        await Audit(context, task, "task.escalated", "system", new JsonObject { ["revision"] = task.Revision, ["signal"] = EscalationSignal });
        context.RaiseSignal(EscalationSignal);
        return ActivityResult.KeepWaiting();
    }

    private static Task Audit(ActivityExecutionContext context, UserTaskRecord task, string action, string actor, JsonObject data) =>
        context.Services.GetRequiredService<IAuditLog>().StageAsync(
            context.Db,
            new AuditEvent(AuditSubjects.Task, task.Id.ToString(), action, actor, data),
            context.CancellationToken);
}

/// <summary>A user task's outcomes: its actions, plus Escalated when the escalation is an outcome.</summary>
public sealed class UserTaskOutcomes : IOutcomeProvider
{
    public IReadOnlyList<string> GetOutcomes(ActivityNode node)
    {
        var actions = node.Inputs.GetValueOrDefault(nameof(UserTask.Actions)) is { Type: ExpressionSyntax.Literal, Value: not null }
            ? node.LiteralOrNull<List<string>>(nameof(UserTask.Actions)) ?? []
            : ["Approve", "Reject"];

        if (node.Inputs.GetValueOrDefault(nameof(UserTask.Escalation)) is { Type: ExpressionSyntax.Literal } escalation
            && escalation.Text == nameof(EscalationMode.Outcome))
        {
            actions.Add(UserTask.EscalatedOutcome);
        }

        return actions;
    }
}

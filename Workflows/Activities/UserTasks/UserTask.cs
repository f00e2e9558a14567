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
    public const string DueSoonBookmark = "UserTaskDueSoon";

    /// <summary>The work-queue topic a task that nears its due date is announced on (the host notifies people).</summary>
    public const string DueSoonTopic = "user-task.due-soon";

    private const int MaxLabelValues = 32;
    public const string EscalatedOutcome = "Escalated";

    [Input(Description = "What the person must do; Liquid can insert values.", Required = true, DefaultSyntax = ExpressionSyntax.Liquid)]
    public string Title { get; set; } = "";

    [Input(DefaultSyntax = ExpressionSyntax.Liquid, UIHint = "multiline")]
    public string? Description { get; set; }

    [Input(Description = "The role whose members may take the task, e.g. clerk.", Required = true, Pattern = "^[a-z][a-z0-9_-]{0,63}$")]
    public string CandidateRole { get; set; } = "";

    [Input(Description = "Who may see the task beyond the role, e.g. an agency id (empty: every member of the role). The host maps it to its users.", Pattern = "^$|^[a-z0-9][a-z0-9_.-]{0,63}$")]
    public string? Scope { get; set; }

    [Input(Description = "Labels an inbox can filter on: an object of name → text or list of texts, e.g. { documentType: 'cccd' }.", DefaultSyntax = ExpressionSyntax.JavaScript)]
    public JsonNode? Labels { get; set; }

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

    [Input(Description = "How long before the due date the task becomes urgent and people are notified, e.g. 01:00:00 (empty: never).")]
    public TimeSpan? EscalateBefore { get; set; }

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

        if (Scope is { Length: > 0 } scope && (scope.Length > 64 || !scope.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.')))
        {
            throw new InvalidOperationException($"Scope '{(scope.Length > 64 ? scope[..64] + "…" : scope)}' must be 1–64 lower-case letters, digits, '_', '-' or '.'.");
        }

        TaskId = Guid.CreateVersion7(now);
        var dueSoon = due is { } d && EscalateBefore is { } lead && lead > TimeSpan.Zero ? (d - lead < now ? now : d - lead) : (DateTimeOffset?)null;
        var task = new UserTaskRecord
        {
            Id = TaskId,
            InstanceId = context.InstanceId,
            ActivityId = context.ActivityId,
            CorrelationId = context.CorrelationId,
            Title = Title,
            Description = Description,
            CandidateRole = CandidateRole,
            Scope = string.IsNullOrWhiteSpace(Scope) ? null : Scope,
            Assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee,
            Status = string.IsNullOrWhiteSpace(Assignee) ? UserTaskStatus.Open : UserTaskStatus.Claimed,
            Priority = (int)Priority,
            Actions = string.Join(',', Actions),
            FormDataJson = FormData?.ToJsonString(),
            CreatedAt = now.UtcDateTime,
            DueAt = due?.UtcDateTime,
            DueSoonAt = dueSoon?.UtcDateTime,
            Revision = 1,
        };
        context.Db.UserTasks.Add(task);
        context.Db.UserTaskLabels.AddRange(ReadLabels(Labels).Select(l => new UserTaskLabelRecord { TaskId = TaskId, Name = l.Name, Value = l.Value }));
        await Audit(context, task, "task.created", "system", new JsonObject { ["role"] = CandidateRole, ["scope"] = task.Scope, ["due"] = due?.ToString("O") });

        var stimulus = TaskId.ToString();
        List<BookmarkRequest> waits = [new(TaskBookmark, stimulus, context.CorrelationId, new JsonObject { ["taskId"] = stimulus })];
        if (due is { } dueAt && Escalation != EscalationMode.None)
        {
            waits.Add(new BookmarkRequest(DueBookmark, stimulus, null, new JsonObject { ["taskId"] = stimulus }) { DueAt = dueAt });
        }
        if (dueSoon is { } soon)
        {
            waits.Add(new BookmarkRequest(DueSoonBookmark, stimulus, null, new JsonObject { ["taskId"] = stimulus }) { DueAt = soon });
        }

        return ActivityResult.Suspend([.. waits]);
    }

    /// <summary>The labels as name/value pairs; a malformed label is a design error of the workflow, said plainly.</summary>
    private static HashSet<(string Name, string Value)> ReadLabels(JsonNode? labels)
    {
        if (labels is null)
        {
            return [];
        }
        if (labels is not JsonObject entries)
        {
            throw new InvalidOperationException("Labels must be an object of name → text or list of texts.");
        }

        var pairs = new HashSet<(string Name, string Value)>();
        foreach (var (name, value) in entries)
        {
            if (name.Length is 0 or > Persistence.Configurations.UserTaskLabelConfiguration.MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new InvalidOperationException($"Label name '{name}' must be 1–{Persistence.Configurations.UserTaskLabelConfiguration.MaxNameLength} letters, digits, '_', '-' or '.'.");
            }
            IEnumerable<JsonNode?> values = value is JsonArray list ? list : new[] { value };
            foreach (var item in values)
            {
                if (item is null)
                {
                    continue;
                }
                var text = item is JsonValue scalar && scalar.TryGetValue<string>(out var s) ? s : item.ToJsonString();
                if (text.Length is 0 or > Persistence.Configurations.UserTaskLabelConfiguration.MaxValueLength)
                {
                    throw new InvalidOperationException($"A value of label '{name}' is empty or longer than {Persistence.Configurations.UserTaskLabelConfiguration.MaxValueLength} characters.");
                }
                pairs.Add((name, text));
            }
        }
        if (pairs.Count > MaxLabelValues)
        {
            throw new InvalidOperationException($"A task carries at most {MaxLabelValues} label values, not {pairs.Count}.");
        }
        return pairs;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context)
    {
        var resumed = context.Resumed!;
        var taskId = Guid.Parse(resumed.Stimulus);
        var task = await context.Db.UserTasks.SingleAsync(t => t.Id == taskId, context.CancellationToken);
        TaskId = task.Id;
        return resumed.Name switch
        {
            DueBookmark => await EscalateAsync(context, task),
            DueSoonBookmark => await WarnDueSoonAsync(context, task),
            _ => await CompleteAsync(context, task, resumed.Payload),
        };
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
        var entry = new JsonObject { ["action"] = completion.Action, ["revision"] = task.Revision };
        foreach (var (name, value) in completion.Audit ?? [])
        {
            entry.TryAdd(name, value?.DeepClone());
        }
        await Audit(context, task, "task.completed", completion.User, entry);

        Action = completion.Action;
        Result = task.FormDataJson is null ? null : JsonNode.Parse(task.FormDataJson);
        CompletedBy = completion.User;
        return ActivityResult.Complete(completion.Action);
    }

    /// <summary>
    /// The due date nears: the task goes to the top of every inbox and the people who can act are told
    /// (through the work queue, so the notice is committed with the task and sent at least once).
    /// The assignee keeps it: taking work from someone silently would lose their review.
    /// </summary>
    private static async Task<ActivityResult> WarnDueSoonAsync(ActivityExecutionContext context, UserTaskRecord task)
    {
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed) || task.IsEscalated)
        {
            return ActivityResult.KeepWaiting();
        }

        // Urgency is not a decision: the revision stays, so an officer's open screen or batch is not turned away by it.
        task.IsEscalated = true;
        task.Priority = (int)TaskPriority.Urgent;
        await Audit(context, task, "task.due-soon", "system", new JsonObject { ["revision"] = task.Revision, ["due"] = task.DueAt?.ToString("O") });
        context.Enqueue(DueSoonTopic, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["scope"] = task.Scope,
            ["role"] = task.CandidateRole,
            ["assignee"] = task.Assignee,
            ["title"] = task.Title,
            ["dueAt"] = task.DueAt?.ToString("O"),
        });
        return ActivityResult.KeepWaiting();
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

using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>A user task as an inbox or a review screen shows it.</summary>
public sealed record UserTaskView(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string? CorrelationId,
    string Title,
    string? Description,
    string CandidateRole,
    string? Assignee,
    string Priority,
    UserTaskStatus Status,
    IReadOnlyList<string> Actions,
    JsonNode? FormData,
    DateTime CreatedAt,
    DateTime? DueAt,
    bool IsEscalated,
    DateTime? CompletedAt,
    string? CompletedBy,
    string? Action,
    int Revision)
{
    public static UserTaskView From(UserTaskRecord t) => new(
        t.Id,
        t.InstanceId,
        t.ActivityId,
        t.CorrelationId,
        t.Title,
        t.Description,
        t.CandidateRole,
        t.Assignee,
        ((Activities.UserTasks.TaskPriority)t.Priority).ToString(),
        t.Status,
        t.Actions.Split(',', StringSplitOptions.RemoveEmptyEntries),
        t.FormDataJson is null ? null : JsonNode.Parse(t.FormDataJson),
        t.CreatedAt,
        t.DueAt,
        t.IsEscalated,
        t.CompletedAt,
        t.CompletedBy,
        t.Action,
        t.Revision);
}

/// <summary>Who acts on a task. A supervisor (an administrator) may assign and cancel any task.</summary>
public sealed record TaskActor(string UserName, IReadOnlyCollection<string> Roles, bool IsSupervisor = false)
{
    public bool MayTake(UserTaskRecord task) => IsSupervisor || Roles.Contains(task.CandidateRole, StringComparer.Ordinal);
}

/// <summary>Inbox filters; all optional.</summary>
public sealed record UserTaskQuery(
    IReadOnlyCollection<string>? Roles = null,
    string? Assignee = null,
    IReadOnlyCollection<UserTaskStatus>? Statuses = null,
    Guid? InstanceId = null,
    int Skip = 0,
    int Take = 50);

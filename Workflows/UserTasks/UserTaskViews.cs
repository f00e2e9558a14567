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
    string? Scope,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Labels,
    string? Assignee,
    string Priority,
    UserTaskStatus Status,
    IReadOnlyList<string> Actions,
    JsonNode? FormData,
    DateTime CreatedAt,
    DateTime? DueAt,
    DateTime? DueSoonAt,
    bool IsEscalated,
    DateTime? CompletedAt,
    string? CompletedBy,
    string? Action,
    int Revision)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoLabels = [];

    public static UserTaskView From(UserTaskRecord t, IEnumerable<UserTaskLabelRecord>? labels = null) => new(
        t.Id,
        t.InstanceId,
        t.ActivityId,
        t.CorrelationId,
        t.Title,
        t.Description,
        t.CandidateRole,
        t.Scope,
        labels is null ? NoLabels : labels.GroupBy(l => l.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(l => l.Value).Order(StringComparer.Ordinal)], StringComparer.Ordinal),
        t.Assignee,
        ((Activities.UserTasks.TaskPriority)t.Priority).ToString(),
        t.Status,
        t.Actions.Split(',', StringSplitOptions.RemoveEmptyEntries),
        t.FormDataJson is null ? null : JsonNode.Parse(t.FormDataJson),
        t.CreatedAt,
        t.DueAt,
        t.DueSoonAt,
        t.IsEscalated,
        t.CompletedAt,
        t.CompletedBy,
        t.Action,
        t.Revision);
}

/// <summary>
/// Who acts on a task. A supervisor (an administrator) may assign and cancel any task within their
/// scopes. <paramref name="Scopes"/>: the task scopes the actor may see; null = every task. An actor
/// limited to scopes sees no task without one (it cannot tell whose it is).
/// </summary>
public sealed record TaskActor(string UserName, IReadOnlyCollection<string> Roles, bool IsSupervisor = false, IReadOnlyCollection<string>? Scopes = null)
{
    /// <summary>A task outside the actor's scopes does not exist for them.</summary>
    public bool MaySee(UserTaskRecord task) => Scopes is null || (task.Scope is not null && Scopes.Contains(task.Scope, StringComparer.Ordinal));

    public bool MayTake(UserTaskRecord task) => MaySee(task) && (IsSupervisor || Roles.Contains(task.CandidateRole, StringComparer.Ordinal));
}

/// <summary>How an inbox is ordered.</summary>
public enum UserTaskSort
{
    /// <summary>Most urgent first: priority, then the nearest due date, then the oldest.</summary>
    Urgency,
    DueAt,
    CreatedAt,
    CreatedAtDescending,
}

/// <summary>Inbox filters; all optional. <c>Scopes</c> null = every task; otherwise only tasks in those scopes (none without a scope).</summary>
public sealed record UserTaskQuery(
    IReadOnlyCollection<string>? Roles = null,
    string? Assignee = null,
    IReadOnlyCollection<UserTaskStatus>? Statuses = null,
    Guid? InstanceId = null,
    int Skip = 0,
    int Take = 50)
{
    public IReadOnlyCollection<string>? Scopes { get; init; }

    /// <summary>Every label named must carry the given value.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Text the title must contain (e.g. a receipt code).</summary>
    public string? Search { get; init; }

    public DateTime? DueBefore { get; init; }

    public DateTime? DueAfter { get; init; }

    public bool? Escalated { get; init; }

    public string? CorrelationId { get; init; }

    public UserTaskSort Sort { get; init; } = UserTaskSort.Urgency;
}

/// <summary>One page of an inbox and how many tasks match in all.</summary>
public sealed record UserTaskPage(IReadOnlyList<UserTaskView> Items, int Total);

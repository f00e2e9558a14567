using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>
/// What reports need of a task: when it came and went, who closed it with which action, and its labels.
/// No title, description or form data: those can carry personal data, and statistics do not need them.
/// </summary>
public sealed record UserTaskFact(
    Guid Id,
    string? CorrelationId,
    string? Scope,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Labels,
    UserTaskStatus Status,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    string? CompletedBy,
    string? Action);

/// <summary>
/// Tasks created in [<paramref name="CreatedFrom"/>, <paramref name="CreatedBefore"/>) that carry the label
/// <paramref name="WithLabel"/> (null = every task). <c>Scopes</c> as in <see cref="UserTaskQuery"/>.
/// </summary>
public sealed record UserTaskFactQuery(DateTime CreatedFrom, DateTime CreatedBefore, string? WithLabel = null)
{
    public IReadOnlyCollection<string>? Scopes { get; init; }
}

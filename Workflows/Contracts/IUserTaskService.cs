using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>
/// The task operations. Each takes the revision the caller last saw (a stale one is refused) and an
/// operation id (the same id again is harmless: it returns the task as it now is).
/// </summary>
public interface IUserTaskService
{
    Task<IReadOnlyList<UserTaskView>> ListAsync(UserTaskQuery query, CancellationToken cancellationToken);

    /// <summary>A page of tasks with the number matching in all.</summary>
    Task<UserTaskPage> PageAsync(UserTaskQuery query, CancellationToken cancellationToken);

    /// <summary>How many tasks match per status (the query's own status filter is ignored).</summary>
    Task<IReadOnlyDictionary<UserTaskStatus, int>> CountByStatusAsync(UserTaskQuery query, CancellationToken cancellationToken);

    Task<UserTaskView?> GetAsync(Guid taskId, CancellationToken cancellationToken);

    Task<UserTaskView> ClaimAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken);

    Task<UserTaskView> ReleaseAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken);

    Task<UserTaskView> AssignAsync(Guid taskId, TaskActor actor, string assignee, int expectedRevision, string operationId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes the task with one of its actions and resumes the workflow in the same commit.
    /// <paramref name="audit"/> is added to the completion's audit entry (not personal data: it is kept for good).
    /// </summary>
    Task<UserTaskView> CompleteAsync(Guid taskId, TaskActor actor, string action, JsonNode? formData, int expectedRevision, string operationId, CancellationToken cancellationToken, JsonObject? audit = null);

    /// <summary>Cancels the task by cancelling its workflow instance (the dossier is withdrawn).</summary>
    Task<UserTaskView> CancelAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken);
}

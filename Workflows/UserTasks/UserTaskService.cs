using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>
/// Claim, release and assign change only the task row (with its revision check, operation record and
/// audit entry in one commit). Complete and cancel go through the runtime, so the task and the
/// workflow move together.
/// </summary>
public sealed class UserTaskService(IWorkflowDbContextFactory dbFactory, IWorkflowRuntime runtime, IAuditLog audit, TimeProvider time) : IUserTaskService
{
    private const int MaxOperationIdLength = 100;

    public async Task<IReadOnlyList<UserTaskView>> ListAsync(UserTaskQuery query, CancellationToken cancellationToken) =>
        (await PageAsync(query, cancellationToken)).Items;

    public async Task<UserTaskPage> PageAsync(UserTaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = dbFactory.Create();
        var tasks = Filter(db, query, withStatus: true);
        var total = await tasks.CountAsync(cancellationToken);
        var page = await Order(tasks, query.Sort)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(cancellationToken);
        var ids = page.Select(t => t.Id).ToList();
        var labels = (await db.UserTaskLabels.AsNoTracking().Where(l => ids.Contains(l.TaskId)).ToListAsync(cancellationToken)).ToLookup(l => l.TaskId);
        return new UserTaskPage([.. page.Select(t => UserTaskView.From(t, labels[t.Id]))], total);
    }

    public async Task<IReadOnlyDictionary<UserTaskStatus, int>> CountByStatusAsync(UserTaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = dbFactory.Create();
        var counts = await Filter(db, query, withStatus: false)
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<UserTaskStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    public async Task<UserTaskView?> GetAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        return task is null ? null : UserTaskView.From(task, await db.UserTaskLabels.AsNoTracking().Where(l => l.TaskId == taskId).ToListAsync(cancellationToken));
    }

    private static IQueryable<UserTaskRecord> Filter(WorkflowDbContext db, UserTaskQuery query, bool withStatus)
    {
        var tasks = db.UserTasks.AsNoTracking();
        if (query.Roles is { } roles)
        {
            tasks = tasks.Where(t => roles.Contains(t.CandidateRole));
        }
        if (query.Scopes is { } scopes)
        {
            tasks = tasks.Where(t => t.Scope != null && scopes.Contains(t.Scope));
        }
        if (query.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }
        if (withStatus && query.Statuses is { Count: > 0 } statuses)
        {
            tasks = tasks.Where(t => statuses.Contains(t.Status));
        }
        if (query.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }
        if (query.CorrelationId is { } correlationId)
        {
            tasks = tasks.Where(t => t.CorrelationId == correlationId);
        }
        if (query.Search is { Length: > 0 } search)
        {
            tasks = tasks.Where(t => t.Title.Contains(search));
        }
        if (query.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt < before);
        }
        if (query.DueAfter is { } after)
        {
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt >= after);
        }
        if (query.Escalated is { } escalated)
        {
            tasks = tasks.Where(t => t.IsEscalated == escalated);
        }
        foreach (var (name, value) in query.Labels ?? new Dictionary<string, string>())
        {
            tasks = tasks.Where(t => db.UserTaskLabels.Any(l => l.TaskId == t.Id && l.Name == name && l.Value == value));
        }
        return tasks;
    }

    private static IQueryable<UserTaskRecord> Order(IQueryable<UserTaskRecord> tasks, UserTaskSort sort) => sort switch
    {
        UserTaskSort.DueAt => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        UserTaskSort.CreatedAt => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        UserTaskSort.CreatedAtDescending => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        _ => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    public Task<UserTaskView> ClaimAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, actor, expectedRevision, operationId, "claim", "task.claimed", task =>
        {
            Require(actor.MayTake(task), $"Only members of '{task.CandidateRole}' may take task {task.Id}.");
            Conflict(task.Status == UserTaskStatus.Open, $"Task {task.Id} is {task.Status}{(task.Assignee is null ? "" : $" by {task.Assignee}")}.");
            task.Status = UserTaskStatus.Claimed;
            task.Assignee = actor.UserName;
            return new JsonObject();
        }, cancellationToken);

    public Task<UserTaskView> ReleaseAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, actor, expectedRevision, operationId, "release", "task.released", task =>
        {
            Conflict(task.Status == UserTaskStatus.Claimed, $"Task {task.Id} is {task.Status}.");
            Require(task.Assignee == actor.UserName || actor.IsSupervisor, $"Task {task.Id} is assigned to {task.Assignee}.");
            task.Status = UserTaskStatus.Open;
            task.Assignee = null;
            return new JsonObject();
        }, cancellationToken);

    public Task<UserTaskView> AssignAsync(Guid taskId, TaskActor actor, string assignee, int expectedRevision, string operationId, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, actor, expectedRevision, operationId, "assign", "task.assigned", task =>
        {
            Require(actor.IsSupervisor, "Only a supervisor may assign tasks.");
            Conflict(task.Status is UserTaskStatus.Open or UserTaskStatus.Claimed, $"Task {task.Id} is {task.Status}.");
            if (string.IsNullOrWhiteSpace(assignee) || assignee.Length > 256)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Invalid, "The assignee is missing or too long.");
            }

            task.Status = UserTaskStatus.Claimed;
            task.Assignee = assignee;
            return new JsonObject { ["assignee"] = assignee };
        }, cancellationToken);

    public async Task<UserTaskView> CompleteAsync(Guid taskId, TaskActor actor, string action, JsonNode? formData, int expectedRevision, string operationId, CancellationToken cancellationToken, JsonObject? audit = null)
    {
        CheckOperationId(operationId);
        await using (var db = dbFactory.Create())
        {
            var task = await LoadAsync(db, taskId, actor, cancellationToken);
            if (await db.TaskOperations.AnyAsync(o => o.TaskId == taskId && o.OperationId == operationId, cancellationToken))
            {
                return await ViewAsync(db, task, cancellationToken);
            }

            Conflict(task.Status is UserTaskStatus.Open or UserTaskStatus.Claimed, $"Task {task.Id} is {task.Status}.");
            Stale(task, expectedRevision);
            Require(task.Status == UserTaskStatus.Open ? actor.MayTake(task) : task.Assignee == actor.UserName, task.Status == UserTaskStatus.Open
                ? $"Only members of '{task.CandidateRole}' may complete task {task.Id}."
                : $"Task {task.Id} is assigned to {task.Assignee}.");

            var stimulus = taskId.ToString();
            var bookmarkId = await db.Bookmarks.AsNoTracking()
                .Where(b => b.Name == Activities.UserTasks.UserTask.TaskBookmark && b.Stimulus == stimulus)
                .Select(b => (Guid?)b.Id)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"The workflow of task {taskId} no longer waits for it.");
            var payload = JsonSerializer.SerializeToNode(new TaskCompletion(actor.UserName, action, expectedRevision, operationId, formData, audit), WorkflowJson.Options);
            await runtime.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, payload, $"task:{taskId:N}:{operationId}"), cancellationToken);
        }

        return (await GetAsync(taskId, cancellationToken))!;
    }

    public async Task<UserTaskView> CancelAsync(Guid taskId, TaskActor actor, int expectedRevision, string operationId, CancellationToken cancellationToken)
    {
        CheckOperationId(operationId);
        await using (var db = dbFactory.Create())
        {
            var task = await LoadAsync(db, taskId, actor, cancellationToken);
            if (task.Status == UserTaskStatus.Cancelled)
            {
                return await ViewAsync(db, task, cancellationToken);
            }

            Require(actor.IsSupervisor, "Only a supervisor may cancel a task.");
            Conflict(task.Status is UserTaskStatus.Open or UserTaskStatus.Claimed, $"Task {task.Id} is {task.Status}.");
            Stale(task, expectedRevision);
        }

        var instanceId = (await GetAsync(taskId, cancellationToken))!.InstanceId;
        await runtime.CancelAsync(instanceId, cancellationToken);
        return (await GetAsync(taskId, cancellationToken))!;
    }

    private async Task<UserTaskView> ChangeAsync(
        Guid taskId,
        TaskActor actor,
        int expectedRevision,
        string operationId,
        string kind,
        string auditAction,
        Func<UserTaskRecord, JsonObject> change,
        CancellationToken cancellationToken)
    {
        CheckOperationId(operationId);
        await using var db = dbFactory.Create();
        var task = await LoadAsync(db, taskId, actor, cancellationToken);
        if (await db.TaskOperations.AnyAsync(o => o.TaskId == taskId && o.OperationId == operationId, cancellationToken))
        {
            return await ViewAsync(db, task, cancellationToken);
        }

        Stale(task, expectedRevision);
        var data = change(task);
        task.Revision++;
        data["revision"] = task.Revision;
        db.TaskOperations.Add(new TaskOperationRecord { TaskId = taskId, OperationId = operationId, Kind = kind, Actor = actor.UserName, ResultRevision = task.Revision, AppliedAt = time.GetUtcNow().UtcDateTime });
        await audit.StageAsync(db, new AuditEvent(AuditSubjects.Task, taskId.ToString(), auditAction, actor.UserName, data), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"Task {taskId} was changed by someone else meanwhile: reload it and try again.");
        }

        return await ViewAsync(db, task, cancellationToken);
    }

    private static async Task<UserTaskView> ViewAsync(WorkflowDbContext db, UserTaskRecord task, CancellationToken cancellationToken) =>
        UserTaskView.From(task, await db.UserTaskLabels.AsNoTracking().Where(l => l.TaskId == task.Id).ToListAsync(cancellationToken));

    /// <summary>Loads a task the actor may see; one outside their scopes is reported as missing, not forbidden, so its existence does not leak.</summary>
    private static async Task<UserTaskRecord> LoadAsync(WorkflowDbContext db, Guid taskId, TaskActor actor, CancellationToken cancellationToken) =>
        await db.UserTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is { } task && actor.MaySee(task)
            ? task
            : throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Task {taskId} does not exist.");

    private static void Stale(UserTaskRecord task, int expectedRevision)
    {
        if (task.Revision != expectedRevision)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"Task {task.Id} is at revision {task.Revision}, not {expectedRevision}: reload it and try again.");
        }
    }

    private static void Require(bool allowed, string message)
    {
        if (!allowed)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Forbidden, message);
        }
    }

    private static void Conflict(bool ok, string message)
    {
        if (!ok)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, message);
        }
    }

    private static void CheckOperationId(string operationId)
    {
        if (string.IsNullOrWhiteSpace(operationId) || operationId.Length > MaxOperationIdLength)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Invalid, $"An operation id of 1–{MaxOperationIdLength} characters is required.");
        }
    }
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Manual-review tasks: the clerk's inbox and the task operations (each with expected revision and operation id).</summary>
public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.WorkTasks);
        group.MapGet("/", ListAsync);
        group.MapGet("/{taskId:guid}", GetAsync);
        group.MapPost("/{taskId:guid}/claim", (Guid taskId, TaskOperationBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.ClaimAsync(taskId, Actor(user), body.ExpectedRevision, body.OperationId, ct));
        group.MapPost("/{taskId:guid}/release", (Guid taskId, TaskOperationBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.ReleaseAsync(taskId, Actor(user), body.ExpectedRevision, body.OperationId, ct));
        group.MapPost("/{taskId:guid}/assign", (Guid taskId, AssignTaskBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.AssignAsync(taskId, Actor(user), body.Assignee, body.ExpectedRevision, body.OperationId, ct));
        group.MapPost("/{taskId:guid}/complete", (Guid taskId, CompleteTaskBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.CompleteAsync(taskId, Actor(user), body.Action, body.FormData, body.ExpectedRevision, body.OperationId, ct));
        group.MapPost("/{taskId:guid}/cancel", (Guid taskId, TaskOperationBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.CancelAsync(taskId, Actor(user), body.ExpectedRevision, body.OperationId, ct));
        return group;
    }

    /// <summary>A clerk sees the tasks of their roles; an administrator sees all.</summary>
    private static Task<IReadOnlyList<UserTaskView>> ListAsync(UserTaskStatus? status, bool? mine, int? skip, int? take, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct)
    {
        var actor = Actor(user);
        var query = new UserTaskQuery(
            Roles: actor.IsSupervisor ? null : actor.Roles,
            Assignee: mine == true ? actor.UserName : null,
            Statuses: status is { } s ? [s] : [UserTaskStatus.Open, UserTaskStatus.Claimed],
            Skip: skip ?? 0,
            Take: take ?? 50);
        return tasks.ListAsync(query, ct);
    }

    private static async Task<Results<Ok<UserTaskView>, NotFound>> GetAsync(Guid taskId, IUserTaskService tasks, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    private static TaskActor Actor(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        IsSupervisor: user.IsInRole(Roles.Admin));
}

/// <summary>Body of claim, release and cancel: the revision the caller last saw and a unique id for this operation.</summary>
public sealed record TaskOperationBody(int ExpectedRevision, string OperationId);

public sealed record AssignTaskBody(string Assignee, int ExpectedRevision, string OperationId);

public sealed record CompleteTaskBody(string Action, JsonNode? FormData, int ExpectedRevision, string OperationId);

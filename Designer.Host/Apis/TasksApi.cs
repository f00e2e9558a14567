using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Review;
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
        group.MapPost("/{taskId:guid}/assign", AssignAsync);
        group.MapPost("/{taskId:guid}/complete", CompleteAsync);
        group.MapPost("/{taskId:guid}/cancel", (Guid taskId, TaskOperationBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
            tasks.CancelAsync(taskId, Actor(user), body.ExpectedRevision, body.OperationId, ct));
        return group;
    }

    /// <summary>A clerk sees the tasks of their roles in their agency; an administrator sees all of their agency (or all, city-wide).</summary>
    private static Task<IReadOnlyList<UserTaskView>> ListAsync(UserTaskStatus? status, bool? mine, int? skip, int? take, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct)
    {
        var actor = BackOfficeActor.From(user);
        var query = new UserTaskQuery(
            Roles: actor.IsAdmin ? null : actor.Roles,
            Assignee: mine == true ? actor.UserName : null,
            Statuses: status is { } s ? [s] : [UserTaskStatus.Open, UserTaskStatus.Claimed],
            Skip: skip ?? 0,
            Take: take ?? 50)
        {
            Scopes = actor.VisibleAgencies,
        };
        return tasks.ListAsync(query, ct);
    }

    private static async Task<Results<Ok<UserTaskView>, NotFound>> GetAsync(Guid taskId, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task && BackOfficeActor.From(user).MaySee(task) ? TypedResults.Ok(task) : TypedResults.NotFound();

    /// <summary>An administrator assigns a task to a person who could take it: same agency, the task's role.</summary>
    private static Task<UserTaskView> AssignAsync(Guid taskId, AssignTaskBody body, ClaimsPrincipal user, TaskAssignment assignment, CancellationToken ct) =>
        assignment.AssignAsync(BackOfficeActor.From(user), taskId, body.Assignee, body.ExpectedRevision, body.OperationId, ct);

    /// <summary>
    /// Completes a task through the generic API. Who signs is never the caller's to say: <c>officerId</c>
    /// is set from the signed-in account (the offered data is kept when no form data is sent).
    /// </summary>
    private static async Task<UserTaskView> CompleteAsync(Guid taskId, CompleteTaskBody body, ClaimsPrincipal user, IUserTaskService tasks, CancellationToken ct)
    {
        var actor = BackOfficeActor.From(user);
        var task = await tasks.GetVisibleAsync(actor, taskId, ct);
        if (task.Labels.ContainsKey(TaskInbox.Labels.Review))
        {
            // A certification review: its grounds, corrections and signer are checked and set by the review API only.
            throw new ReviewException(ReviewError.Invalid, "This is a certification review: decide it with /api/reviews/{taskId}/approve, /reject or /rescan.");
        }
        if (body.Action == ReviewDecisions.Approve && task.Scope is not null)
        {
            actor.OfficerFor(task);
        }
        if (body.FormData is not (null or JsonObject))
        {
            throw new ReviewException(ReviewError.Invalid, "Form data must be a JSON object.");
        }
        var formData = (body.FormData ?? task.FormData)?.DeepClone();
        if (formData is JsonObject data)
        {
            data["officerId"] = actor.OfficerId;
        }
        else if (formData is null && actor.OfficerId is { } officer)
        {
            formData = new JsonObject { ["officerId"] = officer };
        }
        return await tasks.CompleteAsync(taskId, actor.ToTaskActor(), body.Action, formData, body.ExpectedRevision, body.OperationId, ct);
    }

    private static TaskActor Actor(ClaimsPrincipal user) => BackOfficeActor.From(user).ToTaskActor();
}

/// <summary>Body of claim, release and cancel: the revision the caller last saw and a unique id for this operation.</summary>
public sealed record TaskOperationBody(int ExpectedRevision, string OperationId);

public sealed record AssignTaskBody(string Assignee, int ExpectedRevision, string OperationId);

public sealed record CompleteTaskBody(string Action, JsonNode? FormData, int ExpectedRevision, string OperationId);

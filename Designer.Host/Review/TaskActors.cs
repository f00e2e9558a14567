using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>How a back-office account acts on the engine's tasks: its roles, supervisor if admin, its agency as scope.</summary>
public static class TaskActors
{
    public static TaskActor ToTaskActor(this BackOfficeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new TaskActor(actor.UserName, actor.Roles, IsSupervisor: actor.IsAdmin, Scopes: actor.VisibleAgencies);
    }

    /// <summary>
    /// Whether the account may see the task: within its agency, and (for a clerk) offered to its role.
    /// Administrators and auditors oversee every role's tasks.
    /// </summary>
    public static bool MaySee(this BackOfficeActor actor, UserTaskView task)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(task);
        var inScope = actor.VisibleAgencies is not { } agencies || (task.Scope is not null && agencies.Contains(task.Scope));
        return inScope && (actor.IsAdmin || actor.IsAuditor || actor.Roles.Contains(task.CandidateRole));
    }

    /// <summary>A task the account may see; one it may not "does not exist", so its existence does not leak.</summary>
    public static async Task<UserTaskView> GetVisibleAsync(this IUserTaskService tasks, BackOfficeActor actor, Guid taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(actor);
        return await tasks.GetAsync(taskId, cancellationToken) is { } task && actor.MaySee(task)
            ? task
            : throw new ReviewException(ReviewError.NotFound, $"Task {taskId} does not exist.");
    }

    /// <summary>The officer the account signs as for this task: one of the task's agency (when it has one), or a refusal.</summary>
    public static string OfficerFor(this BackOfficeActor actor, UserTaskView task)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(task);
        return actor.OfficerId is { } officerId && (task.Scope is null || actor.AgencyId == task.Scope)
            ? officerId
            : throw new ReviewException(ReviewError.NotAnOfficer, "Only a certifying officer of the dossier's agency can approve and sign: this account is not linked to one.");
    }
}

using SmartKiosk.Designer.Host.Identity;
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
}

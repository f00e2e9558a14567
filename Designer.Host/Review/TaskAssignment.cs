using Microsoft.AspNetCore.Identity;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// A supervisor hands a task to a named person: only someone who could take it themselves (the task's
/// role, the task's agency, not locked out). Used by the screen and the API alike.
/// </summary>
public sealed class TaskAssignment(IUserTaskService tasks, UserManager<BackOfficeUser> users)
{
    /// <summary>Who the task can be given to, by user name and full name.</summary>
    public async Task<IReadOnlyList<(string UserName, string FullName)>> CandidatesAsync(UserTaskView task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var members = await users.GetUsersInRoleAsync(task.CandidateRole);
        var candidates = new List<(string, string)>();
        foreach (var member in members.Where(m => task.Scope is null || m.AgencyId == task.Scope).OrderBy(m => m.UserName, StringComparer.Ordinal))
        {
            if (!await users.IsLockedOutAsync(member))
            {
                candidates.Add((member.UserName!, member.FullName));
            }
        }
        return candidates;
    }

    public async Task<UserTaskView> AssignAsync(BackOfficeActor actor, Guid taskId, string? assignee, int expectedRevision, string operationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var task = await tasks.GetVisibleAsync(actor, taskId, cancellationToken);
        if (assignee is not { Length: > 0 and <= 256 } || (await CandidatesAsync(task)).All(c => c.UserName != assignee))
        {
            throw new ReviewException(ReviewError.Invalid, $"'{assignee}' cannot take this task: no {task.CandidateRole} of its agency has that name.");
        }
        return await tasks.AssignAsync(taskId, actor.ToTaskActor(), assignee, expectedRevision, operationId, cancellationToken);
    }
}

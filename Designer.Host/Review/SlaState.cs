using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>Where a task stands against its legal deadline (same day, or the next working day after 15:00).</summary>
public enum SlaState
{
    OnTime,
    DueSoon,
    Overdue,
    NoDeadline,
    Closed,
}

public static class Sla
{
    public static SlaState Of(UserTaskView task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed))
        {
            return SlaState.Closed;
        }
        if (task.DueAt is not { } due)
        {
            return SlaState.NoDeadline;
        }
        var utc = now.UtcDateTime;
        if (utc >= due)
        {
            return SlaState.Overdue;
        }
        return task.IsEscalated || (task.DueSoonAt is { } soon && utc >= soon) ? SlaState.DueSoon : SlaState.OnTime;
    }
}

namespace SmartKiosk.Workflows.Activities.UserTasks;

public enum TaskPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>How a due date is computed when no explicit one is given.</summary>
public enum DueRule
{
    None,

    /// <summary>Same working day if received before the cut-off (15:00 in Hanoi), else the next working day.</summary>
    SameDayOrNextWorkingDay,
}

/// <summary>What happens when the due date passes.</summary>
public enum EscalationMode
{
    None,

    /// <summary>The task expires and the workflow continues on the Escalated outcome.</summary>
    Outcome,

    /// <summary>The task stays open, becomes urgent, and a signal is raised in the workflow for a branch to route.</summary>
    Signal,
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A task for a person (a clerk's review), created by a UserTask activity and resolved through the task operations.</summary>
public sealed class UserTaskRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";

    public string? CorrelationId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string CandidateRole { get; set; } = "";

    /// <summary>
    /// Who may see the task beyond its role (a tenant key: the host decides what it means, e.g. an agency).
    /// Null: every member of the role.
    /// </summary>
    public string? Scope { get; set; }
    public string? Assignee { get; set; }
    public int Priority { get; set; }
    public UserTaskStatus Status { get; set; }

    /// <summary>Comma-separated action names the task offers (each an outcome of the activity).</summary>
    public string Actions { get; set; } = "";

    public string? FormDataJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }

    /// <summary>When the task counts as due soon (and escalates, if the activity says so): due date minus the lead time.</summary>
    public DateTime? DueSoonAt { get; set; }

    public bool IsEscalated { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Action { get; set; }

    /// <summary>The revision a caller must name to change the task; every change increments it.</summary>
    public int Revision { get; set; }
}

public enum UserTaskStatus
{
    Open = 0,
    Claimed = 1,
    Completed = 2,
    Cancelled = 3,

    /// <summary>The due date passed and the workflow took the Escalated outcome instead.</summary>
    Expired = 4,
}

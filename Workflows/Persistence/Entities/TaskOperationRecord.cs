namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A task operation already applied, by its caller's operation id: a retried call returns the same result.</summary>
public sealed class TaskOperationRecord
{
    public Guid TaskId { get; set; }
    public string OperationId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Actor { get; set; } = "";

    /// <summary>The task revision the operation produced.</summary>
    public int ResultRevision { get; set; }

    public DateTime AppliedAt { get; set; }
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A fault that stopped an instance and needs an administrator.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>ActivityFault, StepBudgetExceeded, ExpressionError, …</summary>
    public string Kind { get; set; } = "";

    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

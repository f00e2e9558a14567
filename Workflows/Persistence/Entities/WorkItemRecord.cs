namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>Outgoing work (an outbox row) created by an activity and committed with the instance.</summary>
public sealed class WorkItemRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Topic { get; set; } = "";
    public string? PayloadJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
}

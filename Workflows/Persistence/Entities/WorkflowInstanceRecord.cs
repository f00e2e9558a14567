using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A workflow instance, pinned to the exact definition version it started on.</summary>
public sealed class WorkflowInstanceRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public Guid DefinitionVersionId { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>Serialised <see cref="Runtime.WorkflowState"/>.</summary>
    public string StateJson { get; set; } = "{}";

    public string? FaultMessage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Optimistic-concurrency token: every commit increments it and checks the old value.</summary>
    public int Revision { get; set; }
}

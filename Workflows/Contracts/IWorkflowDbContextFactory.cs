using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Creates a short-lived context: one per unit of work.</summary>
public interface IWorkflowDbContextFactory
{
    WorkflowDbContext Create();
}

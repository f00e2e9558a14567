namespace SmartKiosk.Workflows.Models;

/// <summary>Where an instance stands. Suspended means it waits on at least one bookmark.</summary>
public enum WorkflowStatus
{
    Running = 0,
    Suspended = 1,
    Finished = 2,
    Faulted = 3,
    Cancelled = 4,
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>
/// One name/value label of a user task, set by the workflow (e.g. documentType = cccd), so an inbox can
/// filter on what the workflow knows without the engine knowing the domain. A name may carry several values.
/// </summary>
public sealed class UserTaskLabelRecord
{
    public Guid TaskId { get; set; }
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

namespace SmartKiosk.Workflows.Definitions;

/// <summary>
/// One difference between two versions of a definition, as a publish confirmation lists it. <see cref="Before"/> and
/// <see cref="After"/> are short display texts (an input as "JavaScript: …", a connection as "port → target").
/// </summary>
public sealed record DefinitionChange(
    DefinitionChangeKind Kind,
    string? ActivityId = null,
    string? Name = null,
    string? Before = null,
    string? After = null);

public enum DefinitionChangeKind
{
    NameChanged,
    DescriptionChanged,
    ActivityAdded,
    ActivityRemoved,
    ActivityTypeChanged,
    ActivityRenamed,
    InputChanged,
    ConnectionAdded,
    ConnectionRemoved,
    VariableAdded,
    VariableRemoved,
    VariableChanged,
}

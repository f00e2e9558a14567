using System.Reflection;
using System.Text.Json.Serialization;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>An activity output, readable downstream as <c>outputs.&lt;activityId&gt;.&lt;name&gt;</c>.</summary>
public sealed class OutputDescriptor
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public bool IsPersonalData { get; init; }

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}

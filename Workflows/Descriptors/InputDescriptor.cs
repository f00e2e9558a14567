using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>An activity input as the property panel shows it and the validator checks it.</summary>
public sealed class InputDescriptor
{
    public required string Name { get; init; }

    /// <summary>string, number, integer, boolean, string[], json, or an enum's name.</summary>
    public required string Type { get; init; }

    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public required string UIHint { get; init; }
    public bool Required { get; init; }
    public JsonNode? Default { get; init; }
    public required string DefaultSyntax { get; init; }
    public bool LiteralOnly { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
    public string? Pattern { get; init; }
    public bool IsPersonalData { get; init; }

    /// <summary>Resilience inputs (retry) are read by the engine itself, not bound to the activity.</summary>
    public string Category { get; init; } = "Input";

    /// <summary>The activity property the value is bound to; null for engine inputs.</summary>
    [JsonIgnore]
    public PropertyInfo? Property { get; init; }

    [JsonIgnore]
    public Type ValueType => Property?.PropertyType ?? EngineValueType ?? typeof(string);

    [JsonIgnore]
    public Type? EngineValueType { get; init; }
}

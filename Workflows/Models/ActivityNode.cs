using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Models;

/// <summary>One activity placed on the flowchart.</summary>
public sealed class ActivityNode
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public int Version { get; set; } = 1;
    public string? DisplayName { get; set; }
    public Dictionary<string, InputExpression> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Designer data such as <c>{"designer": {"position": {"x": 10, "y": 20}}}</c>.</summary>
    public JsonObject? Metadata { get; set; }
}

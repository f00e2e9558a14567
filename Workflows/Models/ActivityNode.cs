using System.Text.Json;
using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Serialization;

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

    /// <summary>
    /// A literal input read as <typeparamref name="T"/> (ports that come from inputs: case labels,
    /// branches, actions); null when it is absent, not a literal, or not a <typeparamref name="T"/> —
    /// the validator reports those cases itself.
    /// </summary>
    public T? LiteralOrNull<T>(string input)
        where T : class
    {
        if (Inputs.GetValueOrDefault(input) is not { Type: ExpressionSyntax.Literal, Value: { } value })
        {
            return null;
        }

        try
        {
            return value.Deserialize<T>(WorkflowJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

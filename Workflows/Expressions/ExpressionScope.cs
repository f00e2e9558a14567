using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Expressions;

/// <summary>What an expression can see: the workflow input, variables and earlier activities' outputs.</summary>
public sealed record ExpressionScope(
    Guid InstanceId,
    string? CorrelationId,
    JsonObject Input,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyDictionary<string, JsonObject> Outputs)
{
    /// <summary>The scope as one JSON object: <c>{input, variables, outputs, instanceId, correlationId}</c>.</summary>
    public JsonObject ToJson()
    {
        var variables = new JsonObject();
        foreach (var (name, value) in Variables)
        {
            variables[name] = value?.DeepClone();
        }

        var outputs = new JsonObject();
        foreach (var (activityId, values) in Outputs)
        {
            outputs[activityId] = values.DeepClone();
        }

        return new JsonObject
        {
            ["input"] = Input.DeepClone(),
            ["variables"] = variables,
            ["outputs"] = outputs,
            ["instanceId"] = InstanceId.ToString(),
            ["correlationId"] = CorrelationId,
        };
    }
}

/// <summary>Where an expression sits, for error messages that name the activity and input.</summary>
public readonly record struct ExpressionSite(string ActivityId, string InputName)
{
    public override string ToString() => $"activity '{ActivityId}', input '{InputName}'";
}

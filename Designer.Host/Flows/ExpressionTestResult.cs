using System.Text.Json.Nodes;

namespace SmartKiosk.Designer.Host.Flows;

/// <summary>The value an expression gave, or why it gave none.</summary>
public sealed record ExpressionTestResult(bool Succeeded, JsonNode? Value, string? Error)
{
    public static ExpressionTestResult Failed(string error) => new(false, null, error);
}

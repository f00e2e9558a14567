using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Models;

/// <summary>How an activity input gets its value: a literal, a JavaScript expression or a Liquid template.</summary>
public sealed class InputExpression
{
    public string Type { get; set; } = ExpressionSyntax.Literal;

    /// <summary>A JSON value for literals; the source text for JavaScript and Liquid.</summary>
    public JsonNode? Value { get; set; }

    public static InputExpression Literal(JsonNode? value) => new() { Type = ExpressionSyntax.Literal, Value = value };
    public static InputExpression JavaScript(string code) => new() { Type = ExpressionSyntax.JavaScript, Value = code };
    public static InputExpression Liquid(string template) => new() { Type = ExpressionSyntax.Liquid, Value = template };

    /// <summary>The source text of a script or template (empty for non-string values).</summary>
    public string Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}

public static class ExpressionSyntax
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    public static readonly IReadOnlyList<string> All = [Literal, JavaScript, Liquid];
}

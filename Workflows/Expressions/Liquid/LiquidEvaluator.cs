using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace SmartKiosk.Workflows.Expressions.Liquid;

/// <summary>Renders Liquid text templates (messages, e-mail subjects) with Fluid over the expression scope.</summary>
public sealed class LiquidEvaluator
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions TemplateOptions = new() { MaxSteps = 100_000, MaxRecursion = 32 };

    public async ValueTask<string> RenderAsync(string template, ExpressionScope scope, ExpressionSite site)
    {
        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            throw new ExpressionException($"Liquid template in {site} has a syntax error: {error}");
        }

        var context = new TemplateContext(TemplateOptions);
        foreach (var (name, value) in scope.ToJson())
        {
            context.SetValue(name, ToClr(value));
        }

        try
        {
            return await parsed.RenderAsync(context);
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionException($"Liquid template in {site} failed: {ex.Message}", ex);
        }
    }

    public static string? CheckSyntax(string template) =>
        Parser.TryParse(template, out _, out var error) ? null : error;

    /// <summary>Fluid reads dictionaries, lists and primitives natively; JSON nodes are converted to those.</summary>
    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // The JSON text is the one representation every numeric JsonValue (parsed or created) agrees on.
            JsonValueKind.Number => long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l
                : decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}

using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Designer.Host.Flows;

/// <summary>
/// Runs an input's expression against sample data, as the designer's "test" button does: the same evaluator and limits
/// (time, statements, memory) as a running workflow, with a scope made from <c>{input, variables, outputs, correlationId}</c>.
/// </summary>
public sealed class ExpressionTester(IExpressionEvaluator evaluator)
{
    public async Task<ExpressionTestResult> EvaluateAsync(InputExpression expression, JsonObject? sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!ExpressionSyntax.All.Contains(expression.Type))
        {
            return ExpressionTestResult.Failed($"'{expression.Type}' is not an expression type; use {string.Join(", ", ExpressionSyntax.All)}.");
        }

        if (evaluator.CheckSyntax(expression) is { } syntaxError)
        {
            return ExpressionTestResult.Failed(syntaxError);
        }

        try
        {
            var value = await evaluator.EvaluateAsync(expression, ScopeFrom(sample), new ExpressionSite("test", "value"), cancellationToken);
            return new ExpressionTestResult(true, value, null);
        }
        catch (ExpressionException e)
        {
            return ExpressionTestResult.Failed(e.Message);
        }
    }

    /// <summary>The sample is copied: its nodes are handed to the script engine, which must not change the caller's document.</summary>
    private static ExpressionScope ScopeFrom(JsonObject? sample)
    {
        var input = sample?["input"]?.DeepClone() as JsonObject ?? [];
        var variables = (sample?["variables"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        var outputs = (sample?["outputs"] as JsonObject ?? [])
            .Where(p => p.Value is JsonObject)
            .ToDictionary(p => p.Key, p => (JsonObject)p.Value!.DeepClone());
        var correlationId = sample?["correlationId"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        return new ExpressionScope(Guid.Empty, correlationId, input, variables, outputs);
    }
}

using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Expressions.JavaScript;
using SmartKiosk.Workflows.Expressions.Liquid;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Expressions;

/// <summary>Dispatches an input expression to the evaluator of its syntax.</summary>
public sealed class ExpressionEvaluator(JavaScriptEvaluator javaScript, LiquidEvaluator liquid) : IExpressionEvaluator
{
    public async ValueTask<JsonNode?> EvaluateAsync(InputExpression expression, ExpressionScope scope, ExpressionSite site, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return expression.Type switch
        {
            ExpressionSyntax.Literal => expression.Value?.DeepClone(),
            ExpressionSyntax.JavaScript => javaScript.Evaluate(expression.Text, scope, site, cancellationToken),
            ExpressionSyntax.Liquid => JsonValue.Create(await liquid.RenderAsync(expression.Text, scope, site)),
            _ => throw new ExpressionException($"Unknown expression type '{expression.Type}' in {site}."),
        };
    }

    public string? CheckSyntax(InputExpression expression) => expression.Type switch
    {
        ExpressionSyntax.Literal => null,
        ExpressionSyntax.JavaScript => javaScript.CheckSyntax(expression.Text),
        ExpressionSyntax.Liquid => LiquidEvaluator.CheckSyntax(expression.Text),
        _ => $"unknown expression type '{expression.Type}'",
    };
}

using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Evaluates an input expression (Literal, JavaScript or Liquid) to a JSON value.</summary>
public interface IExpressionEvaluator
{
    ValueTask<JsonNode?> EvaluateAsync(InputExpression expression, ExpressionScope scope, ExpressionSite site, CancellationToken cancellationToken);

    /// <summary>Checks the syntax without running it; returns a readable error or null.</summary>
    string? CheckSyntax(InputExpression expression);
}

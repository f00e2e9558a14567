using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>The designer's "test" button: evaluate an input's expression against sample variables.</summary>
public static class ExpressionsApi
{
    /// <summary>An expression and its sample are small; anything larger is not a designer's test.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapExpressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/expressions").WithTags("Definitions").RequireAuthorization(Policies.Administer);
        group.MapPost("/evaluate", EvaluateAsync)
            .WithSummary("Evaluates a JavaScript or Liquid expression (or a literal) with the engine's limits against sample {input, variables, outputs}.");
        return group;
    }

    private static async Task<Results<Ok<ExpressionTestResult>, ProblemHttpResult>> EvaluateAsync(HttpRequest request, ExpressionTester tester, CancellationToken ct)
    {
        var bytes = await BoundedStream.ReadAtMostAsync(request.Body, MaxBodyBytes, ct);
        if (bytes is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"An expression test is at most {MaxBodyBytes / 1024} KB.");
        }

        ExpressionTestBody? body;
        try
        {
            body = JsonSerializer.Deserialize<ExpressionTestBody>(bytes, WorkflowJson.Options);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"The body is not valid JSON: {e.Message}");
        }

        if (body?.Expression is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body needs an expression: {\"expression\": {\"type\": \"JavaScript\", \"value\": \"…\"}}.");
        }

        return TypedResults.Ok(await tester.EvaluateAsync(body.Expression, body.Sample, ct));
    }
}

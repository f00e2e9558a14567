using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmartKiosk.Designer.Host.Resources;
using SmartKiosk.Designer.Host.Review;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Designer.Host.Problems;

/// <summary>
/// Turns the engine's refusals into RFC 7807 problem details with a localised title; anything
/// unexpected becomes a 500 without internals (the details go to the log).
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, titleKey, detail, extensions) = Map(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = text[titleKey],
            Detail = detail,
            Type = $"https://smartkiosk.local/problems/{titleKey.Replace("Problem.", "", StringComparison.Ordinal).ToLowerInvariant()}",
        };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string TitleKey, string? Detail, Dictionary<string, object?> Extensions) Map(Exception exception) => exception switch
    {
        DefinitionValidationException e => (StatusCodes.Status422UnprocessableEntity, "Problem.DefinitionInvalid", e.Message, new() { ["errors"] = e.Errors }),
        DefinitionFormatException { Code: "too-large" } e => (StatusCodes.Status413PayloadTooLarge, "Problem.TooLarge", e.Message, new() { ["code"] = e.Code }),
        DefinitionFormatException e => (StatusCodes.Status400BadRequest, "Problem.Invalid", e.Message, new() { ["code"] = e.Code }),
        DefinitionStoreException { NotFound: true } e => (StatusCodes.Status404NotFound, "Problem.NotFound", e.Message, []),
        DefinitionStoreException e => (StatusCodes.Status409Conflict, "Problem.Conflict", e.Message, []),
        WorkflowRuntimeException { Reason: RuntimeErrorReason.NotFound } e => (StatusCodes.Status404NotFound, "Problem.NotFound", e.Message, []),
        WorkflowRuntimeException { Reason: RuntimeErrorReason.Invalid } e => (StatusCodes.Status400BadRequest, "Problem.Invalid", e.Message, []),
        WorkflowRuntimeException { Reason: RuntimeErrorReason.Forbidden } e => (StatusCodes.Status403Forbidden, "Problem.Forbidden", e.Message, []),
        WorkflowRuntimeException e => (StatusCodes.Status409Conflict, "Problem.Conflict", e.Message, []),
        ReviewException { Error: ReviewError.NotFound } e => (StatusCodes.Status404NotFound, "Problem.NotFound", e.Message, []),
        ReviewException { Error: ReviewError.Invalid } e => (StatusCodes.Status400BadRequest, "Problem.Invalid", e.Message, []),
        ReviewException { Error: ReviewError.NotAnOfficer } e => (StatusCodes.Status403Forbidden, "Problem.NotAnOfficer", e.Message, []),
        ReviewException { Error: ReviewError.ReauthenticationRequired } e => (StatusCodes.Status403Forbidden, "Problem.ReauthenticationRequired", e.Message, []),
        ReviewException { Error: ReviewError.ReauthenticationFailed } e => (StatusCodes.Status401Unauthorized, "Problem.ReauthenticationFailed", e.Message, []),
        ReviewException { Error: ReviewError.LockedOut } e => (StatusCodes.Status403Forbidden, "Problem.LockedOut", e.Message, []),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => (StatusCodes.Status413PayloadTooLarge, "Problem.TooLarge", e.Message, []),
        BadHttpRequestException e => (StatusCodes.Status400BadRequest, "Problem.Invalid", e.Message, []),
        _ => (StatusCodes.Status500InternalServerError, "Problem.Unexpected", null, []),
    };
}

using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SmartKiosk.KioskGateway.Problems;

/// <summary>
/// RFC 7807 answers of the kiosk API: a type URI per problem (<c>urn:smartkiosk:kiosk:&lt;name&gt;</c>),
/// the title in Vietnamese and English, the detail for the developer, and a <c>code</c> extension
/// the kiosk UI maps to its own words.
/// </summary>
public static class KioskProblems
{
    private static readonly ResourceManager Resources = new("SmartKiosk.KioskGateway.Resources.KioskText", typeof(KioskProblems).Assembly);

    public static string Title(KioskProblem problem) =>
        $"{Text(problem, "vi")} / {Text(problem, "en")}";

    public static ProblemHttpResult Result(KioskProblem problem, int status, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = Code(problem) };
        return TypedResults.Problem(detail: detail, statusCode: status, title: Title(problem), type: Type(problem), extensions: all);
    }

    public static async Task WriteAsync(HttpContext context, KioskProblem problem, int status, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = Title(problem), Type = Type(problem), Detail = detail };
        details.Extensions["code"] = Code(problem);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }

    public static string Code(KioskProblem problem) =>
        string.Concat(problem.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Type(KioskProblem problem) => "urn:smartkiosk:kiosk:" + Code(problem);

    private static string Text(KioskProblem problem, string culture) =>
        Resources.GetString("Problem." + problem, CultureInfo.GetCultureInfo(culture)) ?? problem.ToString();
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Reports;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>
/// The reports dashboard's numbers for a period of office days (at most a quarter), as JSON and as CSV
/// tables. Auditors and administrators; one bound to an agency gets that agency's numbers only.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Oversee);
        group.MapGet("/dashboard", async Task<Results<Ok<DashboardReport>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, HttpContext http, DashboardReader reader, ReportText text, CancellationToken ct) =>
            {
                var (period, error) = ReportPeriod.Check(from, to, reader.Today);
                return period is null
                    ? PeriodProblem(error!, text)
                    : TypedResults.Ok(await reader.ReadAsync(period, BackOfficeActor.From(http.User), ct));
            })
            .WithSummary("Dossiers per day and kiosk, submission-to-copy median and p95, review share and reasons, refusals and officer throughput (from/to: yyyy-MM-dd, office days; default the last 30).");
        group.MapGet("/dashboard.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly? from, DateOnly? to, string? table, HttpContext http, DashboardReader reader, ReportText text, CancellationToken ct) =>
            {
                table ??= "days";
                if (!ReportCsv.Tables.Contains(table))
                {
                    return TypedResults.Problem(
                        title: text["Problem.Invalid"],
                        detail: text["Reports.UnknownTable", string.Join(", ", ReportCsv.Tables)],
                        statusCode: StatusCodes.Status400BadRequest);
                }

                var (period, error) = ReportPeriod.Check(from, to, reader.Today);
                if (period is null)
                {
                    return PeriodProblem(error!, text);
                }

                var report = await reader.ReadAsync(period, BackOfficeActor.From(http.User), ct);
                var name = string.Create(CultureInfo.InvariantCulture, $"smartkiosk-{table}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(report, table, text)), "text/csv; charset=utf-8", name);
            })
            .WithSummary("One dashboard table as CSV (table: days, kiosks, review-reasons, rejections, officers).");
        return group;
    }

    private static ProblemHttpResult PeriodProblem(string error, ReportText text) =>
        TypedResults.Problem(
            title: text["Problem.Invalid"],
            detail: text[$"Reports.{error}", ReportPeriod.MaxDays],
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["code"] = error });
}

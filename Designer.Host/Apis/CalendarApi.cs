using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Scheduling;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Public holidays: data the administrators keep, used for legal due dates.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/holidays").WithTags("Calendar");
        group.MapGet("/", (int? year, BusinessCalendar calendar, TimeProvider time, CancellationToken ct) =>
            calendar.ListHolidaysAsync(year ?? time.GetUtcNow().Year, ct));
        group.MapPut("/{date}", SetAsync).RequireAuthorization(Policies.Administer);
        group.MapDelete("/{date}", RemoveAsync).RequireAuthorization(Policies.Administer);
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetAsync(DateOnly date, HolidayBody body, BusinessCalendar calendar, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200 || body.Name.Any(c => c is '<' or '>' || char.IsControl(c)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name of 1–200 characters without markup is required."] });
        }

        await calendar.SetHolidayAsync(date, body.Name.Trim(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> RemoveAsync(DateOnly date, BusinessCalendar calendar, CancellationToken ct) =>
        await calendar.RemoveHolidayAsync(date, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>Body of PUT /api/calendar/holidays/{date}.</summary>
public sealed record HolidayBody(string Name);

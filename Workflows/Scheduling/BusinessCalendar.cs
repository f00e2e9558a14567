using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>
/// Legal due dates in office time: a dossier received on a working day before the cut-off (15:00)
/// is due at the end of that day; otherwise at the end of the next working day. Weekends follow
/// <see cref="BusinessCalendarOptions.WorkingDays"/>; public holidays are rows in <c>public_holidays</c>.
/// </summary>
public sealed class BusinessCalendar(IWorkflowDbContextFactory dbFactory, IOptions<BusinessCalendarOptions> options)
{
    private readonly BusinessCalendarOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The office's time zone (legal dates and deadlines are read in it).</summary>
    public TimeZoneInfo Zone => _zone;

    public async Task<DateTimeOffset> SameDayOrNextWorkingDayAsync(DateTimeOffset received, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(received, _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var holidays = await HolidaysAsync(day, day.AddDays(60), cancellationToken);
        var dueDay = IsWorkingDay(day, holidays) && TimeOnly.FromDateTime(local.DateTime) < _options.CutOff
            ? day
            : NextWorkingDay(day, holidays);
        return ToInstant(dueDay.ToDateTime(_options.EndOfDay));
    }

    public async Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        IsWorkingDay(day, await HolidaysAsync(day, day, cancellationToken));

    /// <summary>Adds or renames a public holiday (the administrators' calendar).</summary>
    public async Task SetHolidayAsync(DateOnly date, string name, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var existing = await db.PublicHolidays.SingleOrDefaultAsync(h => h.Date == date, cancellationToken);
        if (existing is null)
        {
            db.PublicHolidays.Add(new PublicHolidayRecord { Date = date, Name = name });
        }
        else
        {
            existing.Name = name;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The public holidays of a year, in date order.</summary>
    public async Task<IReadOnlyList<PublicHoliday>> ListHolidaysAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = dbFactory.Create();
        return await db.PublicHolidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date)
            .Select(h => new PublicHoliday(h.Date, h.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Removes a public holiday; false when there was none on that date.</summary>
    public async Task<bool> RemoveHolidayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.PublicHolidays.Where(h => h.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private DateOnly NextWorkingDay(DateOnly day, HashSet<DateOnly> holidays)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next, holidays))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private bool IsWorkingDay(DateOnly day, HashSet<DateOnly> holidays) =>
        _options.WorkingDays.Contains(day.DayOfWeek) && !holidays.Contains(day);

    private DateTimeOffset ToInstant(DateTime local) => new(local, _zone.GetUtcOffset(local));

    private async Task<HashSet<DateOnly>> HolidaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var days = await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(cancellationToken);
        return [.. days];
    }
}

/// <summary>A public holiday (ngày nghỉ lễ).</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

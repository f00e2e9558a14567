namespace SmartKiosk.Designer.Host.Reports;

/// <summary>
/// Office days, both ends included, as the office counts them (Hanoi time). Capped at
/// <see cref="MaxDays"/> so a report reads at most a quarter of the city's dossiers.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 92;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    public DateTime StartUtc(TimeZoneInfo zone) => DayStartUtc(From, zone);

    public DateTime EndUtc(TimeZoneInfo zone) => DayStartUtc(To.AddDays(1), zone);

    /// <summary>The period, or why it cannot be one (a code for a localised message).</summary>
    public static (ReportPeriod? Period, string? Error) Check(DateOnly? from, DateOnly? to, DateOnly today)
    {
        // Far-off dates are nobody's period (and would overflow the arithmetic below).
        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 })
        {
            return (null, "period-out-of-range");
        }

        var end = to ?? today;
        var start = from ?? end.AddDays(-29);
        if (start > end)
        {
            return (null, "period-reversed");
        }

        return end.DayNumber - start.DayNumber + 1 > MaxDays ? (null, "period-too-long") : (new ReportPeriod(start, end), null);
    }

    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static DateTime DayStartUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}

namespace SmartKiosk.Activities.Issuance;

/// <summary>Legal dates (statement date, register year) are Vietnamese dates: Asia/Ho_Chi_Minh, UTC+7 all year.</summary>
public static class HanoiTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The Vietnamese date of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}

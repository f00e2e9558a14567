namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Office hours for legal due dates, bound from <c>Workflows:BusinessCalendar</c>.</summary>
public sealed class BusinessCalendarOptions
{
    /// <summary>IANA id; legal dates are in Vietnam's time whatever the server's zone.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Dossiers received after this local time are due the next working day.</summary>
    public TimeOnly CutOff { get; set; } = new(15, 0);

    /// <summary>A task due "today" is due at this local time.</summary>
    public TimeOnly EndOfDay { get; set; } = new(17, 0);

    public DayOfWeek[] WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A public holiday (ngày nghỉ lễ): no working day for due-date computations. Holidays are data, not code.</summary>
public sealed class PublicHolidayRecord
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}

using System.Globalization;

namespace SmartKiosk.Activities.Recognition.Text;

/// <summary>Dates as fields keep them and Vietnamese write them: dd/MM/yyyy.</summary>
public static class FieldDate
{
    public const string Pattern = "dd/MM/yyyy";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

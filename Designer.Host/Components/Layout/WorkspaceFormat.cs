using System.Globalization;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Designer.Host.Components.Layout;

/// <summary>Dates in Hanoi office time as Vietnamese users write them (dd/MM/yyyy HH:mm), amounts in đồng.</summary>
public static class WorkspaceFormat
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string DateTime(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(value, DateTimeKind.Utc), Hanoi).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The UTC instant an office day (a date picked on screen) starts in Hanoi; null stays null.</summary>
    public static DateTime? OfficeDayStartUtc(DateTime? officeDay) =>
        officeDay is { } day ? TimeZoneInfo.ConvertTimeToUtc(System.DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), Hanoi) : null;

    public static string Dong(long amount) => amount.ToString("#,0", Vietnamese) + " đồng";

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A vi/en pair in the screen's language.</summary>
    public static string Text(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.For(CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>A document type's name in the screen's language (its key when the type is unknown).</summary>
    public static string DocumentTypeName(DocumentTypeCatalog types, string? key)
    {
        ArgumentNullException.ThrowIfNull(types);
        return key is not null && types.Find(key) is { } type ? Text(new LocalizedText(type.Settings.NameVi, type.Settings.NameEn)) : key ?? "—";
    }
}

using System.Globalization;

namespace SmartKiosk.Designer.Host.Components.Layout;

/// <summary>Dates in Hanoi office time as Vietnamese users write them (dd/MM/yyyy HH:mm), amounts in đồng.</summary>
public static class WorkspaceFormat
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string DateTime(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(value, DateTimeKind.Utc), Hanoi).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Dong(long amount) => amount.ToString("#,0", Vietnamese) + " đồng";

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);
}

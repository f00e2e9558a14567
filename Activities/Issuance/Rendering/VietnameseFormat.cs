using System.Globalization;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>Amounts and dates as Vietnamese readers write them.</summary>
public static class VietnameseFormat
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary><c>4.000 đồng</c>: dots between thousands, no decimals.</summary>
    public static string Money(long dong) => dong.ToString("#,##0", Vietnamese) + " đồng";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

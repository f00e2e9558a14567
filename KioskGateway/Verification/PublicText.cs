using System.Globalization;
using System.Resources;

namespace SmartKiosk.KioskGateway.Verification;

/// <summary>The public verification page's words (Resources/PublicText): Vietnamese first, English beside it.</summary>
public static class PublicText
{
    private static readonly ResourceManager Resources = new("SmartKiosk.KioskGateway.Resources.PublicText", typeof(PublicText).Assembly);

    public static string Vi(string key) => Resources.GetString(key, CultureInfo.GetCultureInfo("vi")) ?? key;

    public static string En(string key) => Resources.GetString(key, CultureInfo.GetCultureInfo("en")) ?? key;
}

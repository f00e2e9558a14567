using System.Globalization;
using System.Resources;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>The dossier texts (reasons, stages, statuses) from Resources/DossierText, Vietnamese first.</summary>
public static class DossierText
{
    private static readonly ResourceManager Resources = new("SmartKiosk.Activities.Resources.DossierText", typeof(DossierText).Assembly);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static LocalizedText Reason(string code) => Get("Reason." + code);

    public static LocalizedText Stage(string stage) => Get("Stage." + stage);

    public static LocalizedText Status(DossierStatus status) => Get("Status." + status);

    private static LocalizedText Get(string key) =>
        new(Resources.GetString(key, Vietnamese) ?? key, Resources.GetString(key, English) ?? key);
}

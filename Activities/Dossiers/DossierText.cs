using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>The dossier texts (reasons, stages, statuses) from Resources/DossierText, Vietnamese first.</summary>
public static class DossierText
{
    private static readonly BilingualResources Resources = new("SmartKiosk.Activities.Resources.DossierText");

    public static LocalizedText Reason(string code) => Get("Reason." + code);

    public static LocalizedText Stage(string stage) => Get("Stage." + stage);

    public static LocalizedText Status(DossierStatus status) => Get("Status." + status);

    private static LocalizedText Get(string key) => Resources.Get(key);
}

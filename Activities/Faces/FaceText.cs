using System.Globalization;
using System.Resources;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Faces;

/// <summary>The face verification texts (reasons, liveness instructions) from Resources/FaceText, Vietnamese first.</summary>
public static class FaceText
{
    private static readonly ResourceManager Resources = new("SmartKiosk.Activities.Resources.FaceText", typeof(FaceText).Assembly);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static LocalizedText Get(string key) =>
        new(Resources.GetString(key, Vietnamese) ?? key, Resources.GetString(key, English) ?? key);
}

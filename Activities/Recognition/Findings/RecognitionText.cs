using System.Globalization;
using System.Resources;

namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>
/// The recognition texts (finding messages, quality instructions) from Resources/RecognitionText:
/// Vietnamese is the neutral resource, English the satellite. Both are kept on each finding so a
/// kiosk, a clerk screen and an e-mail can show either without asking the engine again.
/// </summary>
public static class RecognitionText
{
    private static readonly ResourceManager Resources = new("SmartKiosk.Activities.Resources.RecognitionText", typeof(RecognitionText).Assembly);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static LocalizedText Get(string key, params object?[] arguments) => new(Format(key, Vietnamese, arguments), Format(key, English, arguments));

    public static LocalizedText Finding(string code, params object?[] arguments) => Get("Finding." + code, arguments);

    public static LocalizedText Quality(string code) => Get("Quality." + code);

    private static string Format(string key, CultureInfo culture, object?[] arguments)
    {
        var template = Resources.GetString(key, culture) ?? key;
        var localised = arguments.Select(a => a is LocalizedText text ? text.For(culture.Name) : a).ToArray();
        return localised.Length == 0 ? template : string.Format(culture, template, localised);
    }
}

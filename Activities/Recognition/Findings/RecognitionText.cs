namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>
/// The recognition texts (finding messages, quality instructions) from Resources/RecognitionText:
/// Vietnamese is the neutral resource, English the satellite. Both are kept on each finding so a
/// kiosk, a clerk screen and an e-mail can show either without asking the engine again.
/// </summary>
public static class RecognitionText
{
    private static readonly BilingualResources Resources = new("SmartKiosk.Activities.Resources.RecognitionText");

    public static LocalizedText Get(string key, params object?[] arguments) => Resources.Get(key, arguments);

    public static LocalizedText Finding(string code, params object?[] arguments) => Get("Finding." + code, arguments);

    public static LocalizedText Quality(string code) => Get("Quality." + code);
}

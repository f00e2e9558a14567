using System.Globalization;
using System.Resources;

namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>
/// A resource file of the domain's words read in both languages at once: Vietnamese is the neutral
/// resource, English the satellite; a missing key reads as the key. Arguments are formatted per
/// language (a <see cref="LocalizedText"/> argument in its own language).
/// </summary>
public sealed class BilingualResources(string baseName)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private readonly ResourceManager _resources = new(baseName, typeof(BilingualResources).Assembly);

    public LocalizedText Get(string key, params object?[] arguments) => new(Format(key, Vietnamese, arguments), Format(key, English, arguments));

    private string Format(string key, CultureInfo culture, object?[] arguments)
    {
        var template = _resources.GetString(key, culture) ?? key;
        var localised = arguments.Select(a => a is LocalizedText text ? text.For(culture.Name) : a).ToArray();
        return localised.Length == 0 ? template : string.Format(culture, template, localised);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>Durations as administrators write them: "00:05:00", ISO 8601 "PT5M", or a number of seconds.</summary>
public static class Durations
{
    public static bool TryParse(JsonValue value, out TimeSpan duration)
    {
        duration = default;
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number when value.TryGetValue<double>(out var seconds) && seconds is >= 0 and < 1e9:
                duration = TimeSpan.FromSeconds(seconds);
                return true;
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                if (text.StartsWith('P'))
                {
                    try
                    {
                        duration = XmlConvert.ToTimeSpan(text);
                        return duration >= TimeSpan.Zero;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                }

                return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
            default:
                return false;
        }
    }
}

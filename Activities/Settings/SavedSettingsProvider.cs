using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace SmartKiosk.Activities.Settings;

/// <summary>
/// The settings administrators saved, as the last configuration source of a host: a saved section wins
/// over the files and the environment, a section never saved leaves them as they are. Empty until the
/// <see cref="SavedSettingsRefresher"/> reads the database (the configuration is built before the
/// database can be reached); every change raises the reload token, so <c>IOptionsMonitor</c> consumers
/// see it on their next read.
/// </summary>
public sealed class SavedSettingsProvider : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the saved values with the latest JSON of each saved section.</summary>
    public void Apply(IEnumerable<(SettingsSection Section, string Json)> saved)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, json) in saved)
        {
            Flatten(JsonNode.Parse(json), section.ConfigurationPath, data);
        }
        Data = data;
        OnReload();
    }

    // The configuration's own shape: nested objects joined with ':', array items by index, values as text.
    private static void Flatten(JsonNode? node, string path, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, path + ConfigurationPath.KeyDelimiter + name, data);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], path + ConfigurationPath.KeyDelimiter + i, data);
                }
                break;
            case JsonValue value:
                data[path] = value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
                break;
            default:
                data[path] = null;
                break;
        }
    }
}

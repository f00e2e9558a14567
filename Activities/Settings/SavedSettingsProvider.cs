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

    private volatile IReadOnlyDictionary<string, int> _versions = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The version of a section whose values this host's options hold now (0: the configuration files). A screen
    /// reads it <em>before</em> the values and saves against it: a newer save is then a conflict, never overwritten.
    /// </summary>
    public int AppliedVersion(SettingsSection section) => _versions.GetValueOrDefault(section.Key);

    /// <summary>Replaces the saved values with the latest version of each saved section; returns the sections it could not read.</summary>
    public IReadOnlyList<string> Apply(IEnumerable<SavedSection> saved)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (section, version, json) in saved)
        {
            // Rows are written checked; one that still does not parse must not take the other sections down with it.
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            try
            {
                Flatten(JsonNode.Parse(json), section.ConfigurationPath, values);
            }
            catch (System.Text.Json.JsonException)
            {
                unreadable.Add(section.Key);
                continue;
            }
            foreach (var (key, value) in values)
            {
                data[key] = value;
            }
            versions[section.Key] = version;
        }
        // Versions first: a reader that sees the new version before the new values only gets a conflict on save.
        _versions = versions;
        Data = data;
        OnReload();
        return unreadable;
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

/// <summary>A saved section's latest version as read from the database.</summary>
public sealed record SavedSection(SettingsSection Section, int Version, string Json);

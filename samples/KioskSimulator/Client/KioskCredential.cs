using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>A kiosk's HMAC credential, as the administrator hands it over (or as the demo system writes it to data/demo-kiosk.json).</summary>
public sealed record KioskCredential(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("gateway")] string? Gateway)
{
    public const string DemoFileName = "demo-kiosk.json";

    public static KioskCredential Load(string path)
    {
        var credential = JsonSerializer.Deserialize<KioskCredential>(File.ReadAllText(path));
        return credential is { DeviceId.Length: > 0, KeyId.Length: > 0, Secret.Length: > 0 }
            ? credential
            : throw new InvalidDataException($"{path} is not a kiosk credential (deviceId, keyId, secret).");
    }

    /// <summary>
    /// The demo kiosk of the system ./run.sh started: data/demo-kiosk.json in the current folder or
    /// the nearest parent that has one (so it works from anywhere in the repository).
    /// </summary>
    public static string? FindDemoFile(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data", DemoFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

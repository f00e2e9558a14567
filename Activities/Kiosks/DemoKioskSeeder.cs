using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;

namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// Registers the demo kiosk and writes its credential (owner-only file) into the data folder. A lost
/// file gets a fresh credential, since the secret is never shown twice.
/// </summary>
public sealed class DemoKioskSeeder(KioskRegistry registry, IOptions<DemoKioskOptions> options, IOptions<DataFolderOptions> data, ILogger<DemoKioskSeeder> logger)
{
    public string CredentialPath => Path.Combine(data.Value.Path, DemoKioskOptions.CredentialFileName);

    public async Task SeedAsync(string gatewayUrl, CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }
        if (await registry.FindAsync(demo.Id, cancellationToken) is null)
        {
            try
            {
                await registry.RegisterAsync(new KioskRegistration(demo.Id, demo.Name, demo.AgencyId, demo.Branch, demo.Location), DefaultActor, cancellationToken);
            }
            catch (KioskRegistryException ex) when (ex.Code == "duplicate")
            {
                // Another host registered it at the same moment.
            }
        }
        if (File.Exists(CredentialPath))
        {
            return;
        }

        var credential = await registry.IssueSecretAsync(demo.Id, DefaultActor, cancellationToken);
        var json = JsonSerializer.Serialize(
            new { deviceId = credential.DeviceId, keyId = credential.KeyId, secret = credential.Secret, gateway = gatewayUrl, note = "Demo kiosk credential of the embedded default; never use in production." },
            Indented);
        PrivateFile.Write(CredentialPath, System.Text.Encoding.UTF8.GetBytes(json));
        logger.LogInformation("Demo kiosk {DeviceId} credential written to {Path}", demo.Id, CredentialPath);
    }

    private const string DefaultActor = "system:first-run";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

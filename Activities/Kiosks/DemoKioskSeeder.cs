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
        await EnsureRegisteredAsync(new KioskRegistration(demo.Id, demo.Name, demo.AgencyId, demo.Branch, demo.Location), cancellationToken);
        await EnsureRegisteredAsync(new KioskRegistration(demo.ScreenId, demo.ScreenName, demo.AgencyId, demo.Branch, demo.Location), cancellationToken);
        await WriteScreenEnrolmentAsync(demo.ScreenId, gatewayUrl, cancellationToken);
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

    private async Task EnsureRegisteredAsync(KioskRegistration registration, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(registration.Id, cancellationToken) is not null)
        {
            return;
        }
        try
        {
            await registry.RegisterAsync(registration, DefaultActor, cancellationToken);
        }
        catch (KioskRegistryException ex) when (ex.Code == "duplicate")
        {
            // Another host registered it at the same moment.
        }
    }

    /// <summary>
    /// A fresh one-time code at each start, so a new browser can become the demo touch screen: the code
    /// is spent by one enrolment and expires in a day (a browser that enrolled keeps its key).
    /// </summary>
    private async Task WriteScreenEnrolmentAsync(string screenId, string gatewayUrl, CancellationToken cancellationToken)
    {
        var code = await registry.IssueEnrolmentCodeAsync(screenId, TimeSpan.FromDays(1), DefaultActor, cancellationToken);
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{gatewayUrl.TrimEnd('/')}/kiosk/  (enrolment code {code.Code}, usable once, until {code.ExpiresAt:dd/MM/yyyy HH:mm} UTC)\n");
        PrivateFile.Write(Path.Combine(data.Value.Path, DemoKioskOptions.ScreenEnrolmentFileName), System.Text.Encoding.UTF8.GetBytes(text));
    }

    private const string DefaultActor = "system:first-run";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

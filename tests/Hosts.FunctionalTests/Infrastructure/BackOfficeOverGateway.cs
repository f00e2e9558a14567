using SmartKiosk.Designer.Host;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// Class fixture: the kiosk gateway on a loopback port and the back office beside it over the same
/// PostgreSQL database and data folder, as they run in production: dossiers come from kiosks through the
/// gateway, officers decide them in the back office. Both run the engine's workers; the back office gets
/// the gateway's SMTP and public address so whichever host sends or signs does it the same way.
/// </summary>
public class BackOfficeOverGateway : KioskGatewayOnLoopback
{
    public HostFactory<DesignerHostEntryPoint> BackOffice { get; private set; } = null!;

    protected override Task StartedAsync()
    {
        BackOffice = new HostFactory<DesignerHostEntryPoint>(ConnectionString, Host.DataPath);
        foreach (var (key, value) in Host.Settings)
        {
            BackOffice.Settings[key] = value;
        }
        if (OnRealPort)
        {
            // Links in copies keep pointing at the gateway, the public side.
            BackOfficeAddress = BackOffice.StartOnLoopback(publicBaseUrl: false);
        }
        else
        {
            _ = BackOffice.Server;
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether the back office listens on a loopback port (for a browser) rather than in memory.</summary>
    protected virtual bool OnRealPort => false;

    /// <summary>The back office's address when it listens on a port.</summary>
    public Uri? BackOfficeAddress { get; private set; }

    protected override async Task StoppingAsync() => await BackOffice.DisposeAsync();
}

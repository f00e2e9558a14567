using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Kiosks;

namespace SmartKiosk.KioskGateway.Hosting;

/// <summary>
/// The gateway's first-run seeding, after the schemas are migrated: the default workflow of each
/// document type (published and bound), and the demo kiosk of the embedded default.
/// </summary>
public sealed class GatewayStartup(DefaultWorkflowSeeder workflows, DemoKioskSeeder demoKiosk, IOptions<IssuanceOptions> issuance) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await workflows.SeedAsync(cancellationToken);
        await demoKiosk.SeedAsync(issuance.Value.PublicBaseUrl, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

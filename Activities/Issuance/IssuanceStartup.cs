using Microsoft.Extensions.Hosting;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Register;

namespace SmartKiosk.Activities.Issuance;

/// <summary>
/// At host start: the issuance tables are migrated, the seeded agencies and officers exist, and the
/// signing keys are in place (the development PKI is generated on the first run).
/// </summary>
public sealed class IssuanceStartup(IssuanceDatabaseInitializer database, SigningKeyStore keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, cancellationToken);
        _ = keys.TrustedRoots;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

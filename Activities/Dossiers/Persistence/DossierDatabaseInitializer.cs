using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace SmartKiosk.Activities.Dossiers.Persistence;

/// <summary>Brings the dossier and kiosk tables up to date at host start (both hosts; EF's migration lock serialises them).</summary>
public sealed class DossierDatabaseInitializer(DossierDbContextFactory factory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

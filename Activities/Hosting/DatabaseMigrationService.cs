using Microsoft.Extensions.Hosting;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Activities.Hosting;

/// <summary>
/// Brings the database schema up to date before the host serves requests. Both hosts run it;
/// EF Core's migration lock makes the second one wait rather than race.
/// </summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Workflows.Persistence;

/// <summary>Applies the engine's migrations; SQLite is switched to WAL so both hosts can share the file.</summary>
public sealed class DatabaseMigrator(IWorkflowDbContextFactory factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} workflow database migrations: {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}

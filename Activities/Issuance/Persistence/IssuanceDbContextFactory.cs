using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>Pooled issuance contexts for the configured provider (the engine's persistence settings).</summary>
public sealed class IssuanceDbContextFactory
{
    private readonly Func<IssuanceDbContext> create;

    public IssuanceDbContextFactory(IOptions<PersistenceOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Persistence:ConnectionString is not set.");
        }
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteIssuanceDbContext>()
                    .UseSqlite(SqliteConnectionStrings.Normalize(settings.ConnectionString), x => x.MigrationsHistoryTable(IssuanceDbContext.MigrationsHistoryTable))
                    .Options;
                create = new PooledDbContextFactory<SqliteIssuanceDbContext>(sqlite).CreateDbContext;
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlIssuanceDbContext>()
                    .UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(IssuanceDbContext.MigrationsHistoryTable))
                    .Options;
                create = new PooledDbContextFactory<PostgreSqlIssuanceDbContext>(postgres).CreateDbContext;
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    public IssuanceDbContext Create() => create();
}

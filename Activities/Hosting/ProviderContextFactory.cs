using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Activities.Hosting;

/// <summary>
/// Pooled contexts of a domain schema (issuance, dossiers) on the engine's database and provider,
/// each with its own migrations history table. <typeparamref name="TSqlite"/> and
/// <typeparamref name="TPostgres"/> are the provider subclasses that own one migration set each.
/// </summary>
public sealed class ProviderContextFactory<TContext, TSqlite, TPostgres>
    where TContext : DbContext
    where TSqlite : TContext
    where TPostgres : TContext
{
    private readonly Func<TContext> _create;
    private readonly Func<DbConnection, TContext> _createOn;

    public ProviderContextFactory(PersistenceOptions settings, string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Persistence:ConnectionString is not set.");
        }

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<TSqlite>()
                    .UseSqlite(SqliteConnectionStrings.Normalize(settings.ConnectionString), x => x.MigrationsHistoryTable(migrationsHistoryTable))
                    .Options;
                _create = new PooledDbContextFactory<TSqlite>(sqlite).CreateDbContext;
                _createOn = connection => Instantiate<TSqlite>(new DbContextOptionsBuilder<TSqlite>().UseSqlite(connection).Options);
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<TPostgres>()
                    .UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(migrationsHistoryTable))
                    .Options;
                _create = new PooledDbContextFactory<TPostgres>(postgres).CreateDbContext;
                _createOn = connection => Instantiate<TPostgres>(new DbContextOptionsBuilder<TPostgres>().UseNpgsql(connection).Options);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    public TContext Create() => _create();

    /// <summary>
    /// A context on a connection another context opened, so both can share one transaction (a
    /// dossier's change and its audit entry commit together). Not pooled: the caller disposes it.
    /// </summary>
    public TContext CreateOn(DbConnection connection) => _createOn(connection);

    private static T Instantiate<T>(DbContextOptions<T> options)
        where T : TContext => (T)Activator.CreateInstance(typeof(T), options)!;
}

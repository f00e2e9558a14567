using System.Data.Common;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Dossiers.Persistence;

/// <summary>Dossier contexts for the configured provider (the engine's persistence settings).</summary>
public sealed class DossierDbContextFactory(IOptions<PersistenceOptions> options)
{
    private readonly ProviderContextFactory<DossierDbContext, SqliteDossierDbContext, PostgreSqlDossierDbContext> _factory =
        new(options.Value, DossierDbContext.MigrationsHistoryTable);

    public DossierDbContext Create() => _factory.Create();

    /// <inheritdoc cref="ProviderContextFactory{TContext, TSqlite, TPostgres}.CreateOn"/>
    public DossierDbContext CreateOn(DbConnection connection) => _factory.CreateOn(connection);
}

using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>Pooled issuance contexts for the configured provider (the engine's persistence settings).</summary>
public sealed class IssuanceDbContextFactory(IOptions<PersistenceOptions> options)
{
    private readonly ProviderContextFactory<IssuanceDbContext, SqliteIssuanceDbContext, PostgreSqlIssuanceDbContext> _factory =
        new(options.Value, IssuanceDbContext.MigrationsHistoryTable);

    public IssuanceDbContext Create() => _factory.Create();
}

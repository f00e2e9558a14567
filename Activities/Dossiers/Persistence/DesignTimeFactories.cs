using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartKiosk.Activities.Dossiers.Persistence;

// Used only by `dotnet ef migrations add`; never at run time.
internal sealed class SqliteDossierDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDossierDbContext>
{
    public SqliteDossierDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDossierDbContext>().UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable(DossierDbContext.MigrationsHistoryTable)).Options);
}

internal sealed class PostgreSqlDossierDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDossierDbContext>
{
    public PostgreSqlDossierDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDossierDbContext>().UseNpgsql("Host=localhost;Database=design", x => x.MigrationsHistoryTable(DossierDbContext.MigrationsHistoryTable)).Options);
}

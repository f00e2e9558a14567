using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartKiosk.Activities.Issuance.Persistence;

// Used only by `dotnet ef migrations add`; never at run time.
internal sealed class SqliteIssuanceDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIssuanceDbContext>
{
    public SqliteIssuanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIssuanceDbContext>().UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable(IssuanceDbContext.MigrationsHistoryTable)).Options);
}

internal sealed class PostgreSqlIssuanceDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIssuanceDbContext>
{
    public PostgreSqlIssuanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlIssuanceDbContext>().UseNpgsql("Host=localhost;Database=design", x => x.MigrationsHistoryTable(IssuanceDbContext.MigrationsHistoryTable)).Options);
}

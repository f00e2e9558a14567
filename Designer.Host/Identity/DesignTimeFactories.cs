using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartKiosk.Designer.Host.Identity;

// Used only by `dotnet ef migrations add`; never at run time.
internal sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBackOfficeIdentityDbContext>
{
    public SqliteBackOfficeIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBackOfficeIdentityDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlBackOfficeIdentityDbContext>
{
    public PostgreSqlBackOfficeIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlBackOfficeIdentityDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

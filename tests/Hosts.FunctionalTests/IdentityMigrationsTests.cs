using Microsoft.EntityFrameworkCore;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>The identity model and its migrations for each provider agree.</summary>
public sealed class IdentityMigrationsTests
{
    [Fact]
    public void The_identity_migrations_match_the_model_on_both_providers()
    {
        using var sqlite = new SqliteBackOfficeIdentityDbContext(new DbContextOptionsBuilder<SqliteBackOfficeIdentityDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgreSqlBackOfficeIdentityDbContext(new DbContextOptionsBuilder<PostgreSqlBackOfficeIdentityDbContext>().UseNpgsql("Host=unused").Options);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
    }
}

using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>A model change without a migration for each provider fails here, not in production.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project Workflows --context SqliteWorkflowDbContext ...");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgreSqlWorkflowDbContext(new DbContextOptionsBuilder<PostgreSqlWorkflowDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project Workflows --context PostgreSqlWorkflowDbContext ...");
    }
}

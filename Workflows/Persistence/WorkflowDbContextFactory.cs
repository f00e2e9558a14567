using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Persistence;

/// <summary>
/// Builds the provider's context options once and hands out pooled contexts: a run creates one or
/// two contexts, and the profile showed context construction as a visible share of a short workflow.
/// </summary>
public sealed class WorkflowDbContextFactory : IWorkflowDbContextFactory
{
    private readonly Func<WorkflowDbContext> _create;

    public WorkflowDbContextFactory(IOptions<PersistenceOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Persistence:ConnectionString is not set.");
        }

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                    .UseSqlite(SqliteConnectionStrings.Normalize(settings.ConnectionString))
                    .Options;
                var sqlitePool = new PooledDbContextFactory<SqliteWorkflowDbContext>(sqlite);
                _create = sqlitePool.CreateDbContext;
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlWorkflowDbContext>()
                    .UseNpgsql(settings.ConnectionString)
                    .Options;
                var postgresPool = new PooledDbContextFactory<PostgreSqlWorkflowDbContext>(postgres);
                _create = postgresPool.CreateDbContext;
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    public WorkflowDbContext Create() => _create();
}

/// <summary>SQLite defaults for a file shared by two host processes.</summary>
public static class SqliteConnectionStrings
{
    /// <summary>A generous busy timeout: writers from both hosts queue instead of failing.</summary>
    public static string Normalize(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Persistence;

/// <summary>
/// The engine's tables. The provider-specific subclasses exist only so each provider has its own
/// migrations (Persistence/Migrations/Sqlite, Persistence/Migrations/PostgreSql).
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionVersionRecord> DefinitionVersions => Set<DefinitionVersionRecord>();
    public DbSet<DefinitionBindingRecord> DefinitionBindings => Set<DefinitionBindingRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<ActivityExecutionRecord> Journal => Set<ActivityExecutionRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<WorkItemRecord> WorkItems => Set<WorkItemRecord>();
    public DbSet<RunRequestRecord> RunRequests => Set<RunRequestRecord>();
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();
    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();
    public DbSet<UserTaskLabelRecord> UserTaskLabels => Set<UserTaskLabelRecord>();
    public DbSet<TaskOperationRecord> TaskOperations => Set<TaskOperationRecord>();
    public DbSet<PublicHolidayRecord> PublicHolidays => Set<PublicHolidayRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<WorkflowStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DefinitionVersionState>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly, t => t.Namespace == typeof(Configurations.InstanceConfiguration).Namespace);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>SQLite flavour: the embedded default.</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);

/// <summary>PostgreSQL flavour: production and integration tests.</summary>
public sealed class PostgreSqlWorkflowDbContext(DbContextOptions<PostgreSqlWorkflowDbContext> options) : WorkflowDbContext(options);

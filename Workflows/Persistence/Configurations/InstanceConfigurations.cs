using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> b)
    {
        b.ToTable("workflow_instances");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(x => x.CorrelationId).HasMaxLength(200);
        b.Property(x => x.StateJson).IsRequired();
        b.Property(x => x.FaultMessage).HasMaxLength(4000);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.CorrelationId);
        b.HasIndex(x => new { x.Status, x.UpdatedAt });
        b.HasIndex(x => new { x.DefinitionId, x.DefinitionVersion });
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> b)
    {
        b.ToTable("bookmarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Stimulus).HasMaxLength(200).IsRequired();
        b.Property(x => x.CorrelationId).HasMaxLength(200);
        b.Property(x => x.StimulusHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.StimulusHash);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.DueAt);
        b.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityExecutionConfiguration : IEntityTypeConfiguration<ActivityExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ActivityExecutionRecord> b)
    {
        b.ToTable("activity_executions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64).IsRequired();
        b.Property(x => x.ActivityType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Status).HasMaxLength(16).IsRequired();
        b.Property(x => x.Outcomes).HasMaxLength(1000);
        b.Property(x => x.Error).HasMaxLength(4000);
        b.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique();
        b.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> b)
    {
        b.ToTable("incidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(64).IsRequired();
        b.Property(x => x.Message).HasMaxLength(4000).IsRequired();
        b.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
        b.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(x => new { x.Scope, x.Key });
        b.Property(x => x.Scope).HasMaxLength(16);
        b.Property(x => x.Key).HasMaxLength(240);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItemRecord>
{
    public void Configure(EntityTypeBuilder<WorkItemRecord> b)
    {
        b.ToTable("work_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Topic).HasMaxLength(100).IsRequired();
        b.Property(x => x.ClaimedBy).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.CompletedAt, x.CreatedAt });
        b.HasIndex(x => new { x.Topic, x.CompletedAt, x.NotBefore });
    }
}

internal sealed class RunRequestConfiguration : IEntityTypeConfiguration<RunRequestRecord>
{
    public void Configure(EntityTypeBuilder<RunRequestRecord> b)
    {
        b.ToTable("run_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        b.Property(x => x.RequestJson).IsRequired();
        b.Property(x => x.LeaseOwner).HasMaxLength(200);
        b.Property(x => x.Outcome).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.CompletedAt, x.CreatedAt });
        b.HasIndex(x => x.InstanceId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        b.Property(x => x.SubjectId).HasMaxLength(200).IsRequired();
        b.Property(x => x.Action).HasMaxLength(100).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sequence }).IsUnique();
    }
}

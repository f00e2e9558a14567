using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Persistence.Configurations;

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> b)
    {
        b.ToTable("user_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActivityId).HasMaxLength(64).IsRequired();
        b.Property(x => x.CorrelationId).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.CandidateRole).HasMaxLength(64).IsRequired();
        b.Property(x => x.Scope).HasMaxLength(64);
        b.Property(x => x.Assignee).HasMaxLength(256);
        b.Property(x => x.Actions).HasMaxLength(1000).IsRequired();
        b.Property(x => x.CompletedBy).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.CandidateRole, x.Priority });
        b.HasIndex(x => new { x.Assignee, x.Status });
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => new { x.Scope, x.Status, x.DueAt });
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserTaskLabelConfiguration : IEntityTypeConfiguration<UserTaskLabelRecord>
{
    public const int MaxNameLength = 64;
    public const int MaxValueLength = 200;

    public void Configure(EntityTypeBuilder<UserTaskLabelRecord> b)
    {
        b.ToTable("user_task_labels");
        b.HasKey(x => new { x.TaskId, x.Name, x.Value });
        b.Property(x => x.Name).HasMaxLength(MaxNameLength);
        b.Property(x => x.Value).HasMaxLength(MaxValueLength);
        b.HasIndex(x => new { x.Name, x.Value });
        b.HasOne<UserTaskRecord>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskOperationConfiguration : IEntityTypeConfiguration<TaskOperationRecord>
{
    public void Configure(EntityTypeBuilder<TaskOperationRecord> b)
    {
        b.ToTable("task_operations");
        b.HasKey(x => new { x.TaskId, x.OperationId });
        b.Property(x => x.OperationId).HasMaxLength(100);
        b.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        b.HasOne<UserTaskRecord>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHolidayRecord>
{
    public void Configure(EntityTypeBuilder<PublicHolidayRecord> b)
    {
        b.ToTable("public_holidays");
        b.HasKey(x => x.Date);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Persistence.Configurations;

internal sealed class DefinitionVersionConfiguration : IEntityTypeConfiguration<DefinitionVersionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionVersionRecord> b)
    {
        b.ToTable("definition_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Json).IsRequired();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.DefinitionId, x.State });
    }
}

internal sealed class DefinitionBindingConfiguration : IEntityTypeConfiguration<DefinitionBindingRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionBindingRecord> b)
    {
        b.ToTable("definition_bindings");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.DefinitionId).HasMaxLength(100).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

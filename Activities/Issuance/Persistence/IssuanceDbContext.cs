using Microsoft.EntityFrameworkCore;

namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>
/// Agencies, officers, register books and entries, and issued copies — in the same database as the
/// engine, with their own migrations history. Provider subclasses keep one migration set per provider.
/// </summary>
public abstract class IssuanceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__IssuanceMigrationsHistory";

    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();
    public DbSet<OfficerRecord> Officers => Set<OfficerRecord>();
    public DbSet<OfficerKeyRecord> OfficerKeys => Set<OfficerKeyRecord>();
    public DbSet<RegisterBookRecord> RegisterBooks => Set<RegisterBookRecord>();
    public DbSet<RegisterEntryRecord> RegisterEntries => Set<RegisterEntryRecord>();
    public DbSet<CertifiedCopyRecord> CertifiedCopies => Set<CertifiedCopyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AgencyRecord>(e =>
        {
            e.ToTable("Agencies");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(64);
            e.Property(a => a.Name).HasMaxLength(300);
            e.Property(a => a.Province).HasMaxLength(100);
            e.Property(a => a.BookSuffix).HasMaxLength(40);
        });
        modelBuilder.Entity<OfficerRecord>(e =>
        {
            e.ToTable("Officers");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(64);
            e.Property(o => o.AgencyId).HasMaxLength(64);
            e.Property(o => o.FullName).HasMaxLength(200);
            e.Property(o => o.Title).HasMaxLength(200);
            e.HasIndex(o => o.AgencyId);
        });
        modelBuilder.Entity<OfficerKeyRecord>(e =>
        {
            e.ToTable("OfficerKeys");
            e.HasKey(k => k.OfficerId);
            e.Property(k => k.OfficerId).HasMaxLength(64);
            e.Property(k => k.Subject).HasMaxLength(500);
            e.Property(k => k.Issuer).HasMaxLength(500);
            e.Property(k => k.Thumbprint).HasMaxLength(64);
            e.Property(k => k.UploadedBy).HasMaxLength(256);
            e.HasOne<OfficerRecord>().WithOne().HasForeignKey<OfficerKeyRecord>(k => k.OfficerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegisterBookRecord>(e =>
        {
            e.ToTable("RegisterBooks");
            e.HasKey(b => new { b.AgencyId, b.Year, b.Book });
            e.Property(b => b.AgencyId).HasMaxLength(64);
            e.Property(b => b.Label).HasMaxLength(80);
        });
        modelBuilder.Entity<RegisterEntryRecord>(e =>
        {
            e.ToTable("RegisterEntries");
            e.HasKey(r => r.Id);
            e.Property(r => r.AgencyId).HasMaxLength(64);
            e.Property(r => r.NumberLabel).HasMaxLength(40);
            e.Property(r => r.BookLabel).HasMaxLength(80);
            e.Property(r => r.OriginalKey).HasMaxLength(200);
            e.Property(r => r.DocumentType).HasMaxLength(100);
            e.Property(r => r.OfficerId).HasMaxLength(64);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.VoidReason).HasMaxLength(1000);
            e.HasIndex(r => new { r.AgencyId, r.Year, r.Book, r.Number }).IsUnique();
            e.HasIndex(r => new { r.AgencyId, r.OriginalKey });
        });
        modelBuilder.Entity<CertifiedCopyRecord>(e =>
        {
            e.ToTable("CertifiedCopies");
            e.HasKey(c => c.Id);
            e.Property(c => c.AgencyId).HasMaxLength(64);
            e.Property(c => c.VerificationCode).HasMaxLength(32);
            e.Property(c => c.Sha256).HasMaxLength(64);
            e.Property(c => c.DocumentType).HasMaxLength(100);
            e.Property(c => c.RevocationReason).HasMaxLength(1000);
            e.HasIndex(c => c.VerificationCode).IsUnique();
            e.HasIndex(c => c.Sha256);
            e.HasIndex(c => c.RegisterEntryId);
        });
    }
}

public sealed class SqliteIssuanceDbContext(DbContextOptions<SqliteIssuanceDbContext> options) : IssuanceDbContext(options);

public sealed class PostgreSqlIssuanceDbContext(DbContextOptions<PostgreSqlIssuanceDbContext> options) : IssuanceDbContext(options);

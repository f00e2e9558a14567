using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Activities.Payments;

namespace SmartKiosk.Activities.Dossiers.Persistence;

/// <summary>
/// Dossiers and the kiosks that submit them (devices, enrolment codes, request nonces, idempotent
/// answers) — in the engine's database with their own migrations history. Provider subclasses keep
/// one migration set per provider.
/// </summary>
public abstract class DossierDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__DossierMigrationsHistory";

    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();
    public DbSet<KioskDeviceRecord> KioskDevices => Set<KioskDeviceRecord>();
    public DbSet<KioskEnrolmentRecord> KioskEnrolments => Set<KioskEnrolmentRecord>();
    public DbSet<KioskNonceRecord> KioskNonces => Set<KioskNonceRecord>();
    public DbSet<KioskRequestRecord> KioskRequests => Set<KioskRequestRecord>();
    public DbSet<PaymentRecord> Payments => Set<PaymentRecord>();
    public DbSet<Recognition.Templates.TemplateVersionRecord> TemplateVersions => Set<Recognition.Templates.TemplateVersionRecord>();

    public DbSet<Settings.SettingVersionRecord> SettingVersions => Set<Settings.SettingVersionRecord>();
    public DbSet<Citizens.CitizenSignInRecord> CitizenSignIns => Set<Citizens.CitizenSignInRecord>();
    public DbSet<Citizens.CitizenRefreshTokenRecord> CitizenRefreshTokens => Set<Citizens.CitizenRefreshTokenRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DossierRecord>(e =>
        {
            e.ToTable("Dossiers");
            e.HasKey(d => d.Id);
            e.Property(d => d.ReceiptCode).HasMaxLength(16);
            e.Property(d => d.DeviceId).HasMaxLength(64);
            e.Property(d => d.AgencyId).HasMaxLength(64);
            e.Property(d => d.Service).HasMaxLength(64);
            e.Property(d => d.DocumentType).HasMaxLength(64);
            e.Property(d => d.DefinitionId).HasMaxLength(200);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Stage).HasMaxLength(100);
            e.Property(d => d.Reasons).HasMaxLength(2000);
            e.Property(d => d.ContactEmail).HasMaxLength(254);
            e.Property(d => d.EmailStatus).HasMaxLength(20);
            e.Property(d => d.CitizenKey).HasMaxLength(64);
            e.HasIndex(d => d.CitizenKey);
            e.Property(d => d.VerificationCode).HasMaxLength(32);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.HasIndex(d => d.ReceiptCode).IsUnique();
            e.HasIndex(d => d.InstanceId);
            e.HasIndex(d => new { d.DeviceId, d.CreatedAt });
            e.HasIndex(d => new { d.Status, d.ExpiresAt });
            e.HasIndex(d => new { d.AgencyId, d.Status });
            e.HasIndex(d => d.CreatedAt);
        });
        modelBuilder.Entity<KioskDeviceRecord>(e =>
        {
            e.ToTable("KioskDevices");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(64);
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.AgencyId).HasMaxLength(64);
            e.Property(k => k.Branch).HasMaxLength(200);
            e.Property(k => k.Location).HasMaxLength(300);
            e.Property(k => k.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(k => k.KeyId).HasMaxLength(64);
            e.Property(k => k.CredentialKind).HasConversion<string>().HasMaxLength(20);
            e.Property(k => k.ProtectedSecret).HasMaxLength(500);
            e.Property(k => k.PublicKey).HasMaxLength(500);
            e.HasIndex(k => k.KeyId).IsUnique();
        });
        modelBuilder.Entity<KioskEnrolmentRecord>(e =>
        {
            e.ToTable("KioskEnrolments");
            e.HasKey(k => k.CodeHash);
            e.Property(k => k.CodeHash).HasMaxLength(64);
            e.Property(k => k.DeviceId).HasMaxLength(64);
        });
        modelBuilder.Entity<KioskNonceRecord>(e =>
        {
            e.ToTable("KioskNonces");
            e.HasKey(k => new { k.DeviceId, k.Nonce });
            e.Property(k => k.DeviceId).HasMaxLength(64);
            e.Property(k => k.Nonce).HasMaxLength(64);
            e.HasIndex(k => k.ExpiresAt);
        });
        modelBuilder.Entity<Citizens.CitizenSignInRecord>(e =>
        {
            e.ToTable("CitizenSignIns");
            e.HasKey(s => s.Id);
            e.Property(s => s.CitizenKey).HasMaxLength(64);
            e.Property(s => s.CodeHash).HasMaxLength(64);
            e.Property(s => s.Email).HasMaxLength(254);
            e.HasIndex(s => new { s.CitizenKey, s.CreatedAt });
        });
        modelBuilder.Entity<Citizens.CitizenRefreshTokenRecord>(e =>
        {
            e.ToTable("CitizenRefreshTokens");
            e.HasKey(t => t.TokenHash);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.CitizenKey).HasMaxLength(64);
            e.HasIndex(t => t.FamilyId);
        });
        modelBuilder.Entity<Recognition.Templates.TemplateVersionRecord>(e =>
        {
            e.ToTable("TemplateVersions");
            e.HasKey(v => v.Id);
            e.Property(v => v.TemplateId).HasMaxLength(64);
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            e.HasIndex(v => new { v.TemplateId, v.Version }).IsUnique();
        });
        modelBuilder.Entity<Settings.SettingVersionRecord>(e =>
        {
            e.ToTable("SettingVersions");
            e.HasKey(v => v.Id);
            e.Property(v => v.Section).HasMaxLength(40);
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            e.HasIndex(v => new { v.Section, v.Version }).IsUnique();
        });
        modelBuilder.Entity<PaymentRecord>(e =>
        {
            e.ToTable("Payments");
            e.HasKey(p => p.Id);
            e.Property(p => p.Provider).HasMaxLength(40);
            e.Property(p => p.Reference).HasMaxLength(40);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.QrPayload).HasMaxLength(1000);
            e.HasIndex(p => p.Reference).IsUnique();
            e.HasIndex(p => p.DossierId);
            e.HasIndex(p => new { p.Status, p.ExpiresAt });
        });
        modelBuilder.Entity<KioskRequestRecord>(e =>
        {
            e.ToTable("KioskRequests");
            e.HasKey(k => new { k.DeviceId, k.IdempotencyKey });
            e.Property(k => k.DeviceId).HasMaxLength(64);
            e.Property(k => k.IdempotencyKey).HasMaxLength(100);
            e.Property(k => k.RequestHash).HasMaxLength(64);
            e.HasIndex(k => k.CreatedAt);
        });
    }
}

public sealed class SqliteDossierDbContext(DbContextOptions<SqliteDossierDbContext> options) : DossierDbContext(options);

public sealed class PostgreSqlDossierDbContext(DbContextOptions<PostgreSqlDossierDbContext> options) : DossierDbContext(options);

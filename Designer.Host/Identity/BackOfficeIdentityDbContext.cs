using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, in the same database as the engine but with their own
/// migrations history. Provider subclasses exist only to keep one migration set per provider.
/// </summary>
public abstract class BackOfficeIdentityDbContext(DbContextOptions options) : IdentityDbContext<BackOfficeUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var user = builder.Entity<BackOfficeUser>();
        user.Property(u => u.FullName).HasMaxLength(200);
        user.Property(u => u.AgencyId).HasMaxLength(64);
        user.Property(u => u.OfficerId).HasMaxLength(64);
        user.HasIndex(u => u.AgencyId);
    }
}

public sealed class SqliteBackOfficeIdentityDbContext(DbContextOptions<SqliteBackOfficeIdentityDbContext> options) : BackOfficeIdentityDbContext(options);

public sealed class PostgreSqlBackOfficeIdentityDbContext(DbContextOptions<PostgreSqlBackOfficeIdentityDbContext> options) : BackOfficeIdentityDbContext(options);

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>
/// Migrates the identity tables and, on first run only, creates the roles and one account per role
/// with random passwords. The passwords are written once to <c>first-run-credentials.txt</c> in the
/// data folder (owner-readable only) and printed; nothing secret is in the repository.
/// </summary>
public sealed class AccountSeeder(
    IServiceScopeFactory scopes,
    IAuditLog audit,
    IOptions<DataFolderOptions> data,
    ILogger<AccountSeeder> logger) : IHostedService
{
    public const string CredentialsFileName = "first-run-credentials.txt";

    /// <summary>
    /// An administrator and an auditor for the whole city, and one clerk per seeded officer: two in
    /// Hoàn Kiếm (each signs with their own certificate) and one in Ba Đình (to see agencies kept apart).
    /// </summary>
    private static readonly SeedAccount[] Accounts =
    [
        new("admin", "Quản trị viên (Administrator)", Roles.Admin, null),
        new("clerk", SeedAgencies.HoanKiemOfficer.FullName, Roles.Clerk, SeedAgencies.HoanKiemOfficer),
        new("clerk2", SeedAgencies.HoanKiemSecondOfficer.FullName, Roles.Clerk, SeedAgencies.HoanKiemSecondOfficer),
        new("clerk-bd", SeedAgencies.BaDinhOfficer.FullName, Roles.Clerk, SeedAgencies.BaDinhOfficer),
        new("auditor", "Kiểm toán viên (Auditor)", Roles.Auditor, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeIdentityDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var lines = new StringBuilder()
            .AppendLine("SmartKiosk back office — first-run accounts (development). Change these passwords.")
            .AppendLine("Tài khoản khởi tạo lần đầu (môi trường phát triển). Hãy đổi mật khẩu.");
        foreach (var (userName, fullName, role, officer) in Accounts)
        {
            var password = PasswordGenerator.Next();
            var user = new BackOfficeUser
            {
                UserName = userName,
                FullName = fullName,
                Email = $"{userName}@smartkiosk.local",
                EmailConfirmed = true,
                AgencyId = officer?.AgencyId,
                OfficerId = officer?.Id,
            };
            Check(await users.CreateAsync(user, password), $"user {userName}");
            Check(await users.AddToRoleAsync(user, role), $"role of {userName}");
            await audit.AppendAsync(new AuditEvent(AuditSubjects.User, user.Id, "user.created", "system",
                new JsonObject { ["userName"] = userName, ["role"] = role, ["agencyId"] = user.AgencyId, ["officerId"] = user.OfficerId }), cancellationToken);
            lines.AppendLine($"{role,-8} user: {userName,-8} password: {password}{(officer is null ? "" : $"  ({officer.FullName}, {officer.AgencyId})")}");
        }

        var path = Path.Combine(data.Value.Path, CredentialsFileName);
        await File.WriteAllTextAsync(path, lines.ToString(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.LogWarning("First run: created accounts {Accounts}; their passwords are in {CredentialsFile}", string.Join(", ", Accounts.Select(a => a.UserName)), path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record SeedAccount(string UserName, string FullName, string Role, Officer? Officer);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

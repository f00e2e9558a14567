using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
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

    private static readonly (string UserName, string FullName, string Role)[] Accounts =
    [
        ("admin", "Quản trị viên (Administrator)", Roles.Admin),
        ("clerk", "Cán bộ tư pháp (Clerk)", Roles.Clerk),
        ("auditor", "Kiểm toán viên (Auditor)", Roles.Auditor),
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
        foreach (var (userName, fullName, role) in Accounts)
        {
            var password = GeneratePassword();
            var user = new BackOfficeUser { UserName = userName, FullName = fullName, Email = $"{userName}@smartkiosk.local", EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"user {userName}");
            Check(await users.AddToRoleAsync(user, role), $"role of {userName}");
            await audit.AppendAsync(new AuditEvent(AuditSubjects.User, user.Id, "user.created", "system", new JsonObject { ["userName"] = userName, ["role"] = role }), cancellationToken);
            lines.AppendLine($"{role,-8} user: {userName,-8} password: {password}");
        }

        var path = Path.Combine(data.Value.Path, CredentialsFileName);
        await File.WriteAllTextAsync(path, lines.ToString(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.LogWarning("First run: created accounts admin, clerk and auditor; their passwords are in {CredentialsFile}", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>20 characters from an alphabet without look-alikes, with every class the password policy asks for.</summary>
    private static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "-_.!";
        var all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

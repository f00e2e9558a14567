namespace SmartKiosk.Designer.Host.Identity;

/// <summary>A back-office account as the users screen shows it (never its password or stamp).</summary>
public sealed record AccountView(
    string Id,
    string UserName,
    string FullName,
    string? Email,
    IReadOnlyList<string> Roles,
    string? AgencyId,
    string? OfficerId,
    bool IsLocked,
    DateTimeOffset? LockedUntil,
    int FailedSignIns);

/// <summary>A new account. A clerk needs an agency and an officer: an existing one not yet bound to an account, or a new one (<paramref name="NewOfficerTitle"/>).</summary>
public sealed record NewAccount(string UserName, string FullName, string? Email, string Role, string? AgencyId, string? OfficerId, string? NewOfficerTitle);

/// <summary>What an administrator may change on an account: its role and where it belongs.</summary>
public sealed record AccountChange(string Role, string? AgencyId, string? OfficerId, string? NewOfficerTitle = null);

/// <summary>A password made by the system, shown once to the administrator who asked for it.</summary>
public sealed record IssuedPassword(AccountView Account, string Password);

public sealed class AccountException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

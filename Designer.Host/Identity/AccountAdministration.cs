using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>
/// Accounts and roles for administrators. An administrator bound to an agency manages that agency's
/// accounts only. Every change renews the account's security stamp (open screens and cookies of that
/// account are re-checked and signed out) and is audited on the account's chain — never a password.
/// Nobody can demote or lock themselves, nor the last administrator who can still sign in.
/// </summary>
public sealed partial class AccountAdministration(UserManager<BackOfficeUser> users, AgencyDirectory directory, IAuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AccountView>> ListAsync(BackOfficeActor actor, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var query = users.Users.AsNoTracking();
        if (actor.VisibleAgencies is { } agencies)
        {
            query = query.Where(u => u.AgencyId != null && agencies.Contains(u.AgencyId));
        }

        var accounts = await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var views = new List<AccountView>(accounts.Count);
        foreach (var user in accounts)
        {
            views.Add(await ViewAsync(user));
        }

        return views;
    }

    public async Task<IssuedPassword> CreateAsync(NewAccount request, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireAdministrator(actor);
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        Require(UserNamePattern().IsMatch(userName), "invalid-user-name", "A user name is 2–64 lower-case letters, digits, dots, dashes or underscores.");
        var fullName = CheckedName(request.FullName);
        Require(request.Email is null || (request.Email.Length <= 256 && request.Email.Contains('@', StringComparison.Ordinal)), "invalid-email", "The e-mail address is not valid.");
        Require(await users.FindByNameAsync(userName) is null, "duplicate", $"The user name '{userName}' is taken.");
        var (agencyId, officerId) = await PlaceAsync(request.Role, request.AgencyId, request.OfficerId, request.NewOfficerTitle, fullName, userId: null, actor, cancellationToken);

        var password = PasswordGenerator.Next();
        var user = new BackOfficeUser
        {
            UserName = userName,
            FullName = fullName,
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            EmailConfirmed = !string.IsNullOrWhiteSpace(request.Email),
            AgencyId = agencyId,
            OfficerId = officerId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, request.Role));
        await AuditAsync(user, "user.created", actor, new JsonObject { ["userName"] = userName, ["role"] = request.Role, ["agencyId"] = agencyId, ["officerId"] = officerId }, cancellationToken);
        return new IssuedPassword(await ViewAsync(user), password);
    }

    public async Task<AccountView> ChangeAsync(string userId, AccountChange change, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var user = await ManagedAsync(userId, actor);
        var roles = await users.GetRolesAsync(user);
        var rebound = user.AgencyId is null && !string.IsNullOrWhiteSpace(change.AgencyId);
        if (roles.Contains(Roles.Admin) && (change.Role != Roles.Admin || rebound))
        {
            Require(user.UserName != actor.UserName, "self", "You cannot take the administrator role from your own account.");
            await RequireAnotherAdministratorAsync(user);
        }

        var (agencyId, officerId) = await PlaceAsync(change.Role, change.AgencyId, change.OfficerId, change.NewOfficerTitle, user.FullName, user.Id, actor, cancellationToken);
        user.AgencyId = agencyId;
        user.OfficerId = officerId;
        Check(await users.UpdateAsync(user));
        Check(await users.RemoveFromRolesAsync(user, roles.Where(r => r != change.Role)));
        if (!roles.Contains(change.Role))
        {
            Check(await users.AddToRoleAsync(user, change.Role));
        }

        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(user, "user.changed", actor, new JsonObject { ["role"] = change.Role, ["agencyId"] = agencyId, ["officerId"] = officerId }, cancellationToken);
        return await ViewAsync(user);
    }

    public async Task<AccountView> LockAsync(string userId, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        var user = await ManagedAsync(userId, actor);
        Require(user.UserName != actor.UserName, "self", "You cannot lock your own account.");
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            await RequireAnotherAdministratorAsync(user);
        }

        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(user, "user.locked", actor, null, cancellationToken);
        return await ViewAsync(user);
    }

    public async Task<AccountView> UnlockAsync(string userId, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        var user = await ManagedAsync(userId, actor);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await AuditAsync(user, "user.unlocked", actor, null, cancellationToken);
        return await ViewAsync(user);
    }

    /// <summary>A new password made by the system; the old one and every open session of the account stop working.</summary>
    public async Task<IssuedPassword> ResetPasswordAsync(string userId, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        var user = await ManagedAsync(userId, actor);
        var password = PasswordGenerator.Next();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(user, "user.password-reset", actor, null, cancellationToken);
        return new IssuedPassword(await ViewAsync(user), password);
    }

    /// <summary>Where an account with this role belongs: clerks to an agency and an officer of it; others optionally to an agency.</summary>
    private async Task<(string? AgencyId, string? OfficerId)> PlaceAsync(
        string role, string? agencyId, string? officerId, string? newOfficerTitle, string fullName, string? userId, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        Require(Roles.All.Contains(role), "invalid-role", $"Unknown role '{role}'.");
        agencyId = string.IsNullOrWhiteSpace(agencyId) ? null : agencyId;
        // An administrator bound to an agency makes accounts of that agency only.
        agencyId ??= actor.AgencyId;
        Require(agencyId is null ? actor.VisibleAgencies is null : actor.MaySee(agencyId), "not-found", "No such agency.");
        if (agencyId is not null)
        {
            Require(await directory.FindAgencyAsync(agencyId, cancellationToken) is not null, "invalid-agency", $"No agency '{agencyId}'.");
        }

        if (role != Roles.Clerk)
        {
            return (agencyId, null);
        }

        Require(agencyId is not null, "agency-required", "A clerk belongs to an agency.");
        if (string.IsNullOrWhiteSpace(officerId))
        {
            Require(!string.IsNullOrWhiteSpace(newOfficerTitle), "officer-required", "A clerk is an officer: choose one, or give the new officer's title.");
            try
            {
                var added = await directory.AddOfficerAsync(agencyId!, fullName, newOfficerTitle!, actor.UserName, cancellationToken);
                return (agencyId, added.Id);
            }
            catch (ArgumentException ex)
            {
                throw new AccountException("invalid-officer-title", ex.Message);
            }
        }

        var officer = await directory.FindOfficerAsync(officerId, cancellationToken);
        Require(officer is not null && officer.AgencyId == agencyId, "invalid-officer", "The officer does not belong to that agency.");
        var holder = await users.Users.AsNoTracking().Where(u => u.OfficerId == officerId && u.Id != userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        Require(holder is null, "officer-taken", $"The officer already signs through the account '{holder}'.");
        return (agencyId, officerId);
    }

    private async Task<BackOfficeUser> ManagedAsync(string userId, BackOfficeActor actor)
    {
        RequireAdministrator(actor);
        var user = await users.FindByIdAsync(userId);
        // Another agency's account does not exist for an administrator bound to an agency.
        Require(user is not null && (actor.VisibleAgencies is null || (user.AgencyId is not null && actor.MaySee(user.AgencyId))), "not-found", "No such account.");
        return user!;
    }

    private async Task RequireAnotherAdministratorAsync(BackOfficeUser leaving)
    {
        var now = time.GetUtcNow();
        // The last administrator of every agency (one bound to none) can only be replaced by another such.
        var others = (await users.GetUsersInRoleAsync(Roles.Admin))
            .Count(u => u.Id != leaving.Id && (u.LockoutEnd is null || u.LockoutEnd <= now) && (leaving.AgencyId is not null || u.AgencyId is null));
        Require(others > 0, "last-admin", "At least one other administrator must be able to sign in.");
    }

    private async Task<AccountView> ViewAsync(BackOfficeUser user)
    {
        var locked = user.LockoutEnd is { } end && end > time.GetUtcNow();
        return new AccountView(user.Id, user.UserName ?? "", user.FullName, user.Email, [.. await users.GetRolesAsync(user)], user.AgencyId, user.OfficerId, locked, locked ? user.LockoutEnd : null, user.AccessFailedCount);
    }

    private async Task AuditAsync(BackOfficeUser user, string action, BackOfficeActor actor, JsonObject? data, CancellationToken cancellationToken) =>
        await audit.AppendAsync(new AuditEvent(AuditSubjects.User, user.Id, action, actor.UserName, data), cancellationToken);

    /// <summary>Checked on every call: the screen may have been opened before the role was taken away.</summary>
    private static void RequireAdministrator(BackOfficeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require(actor.IsAdmin, "forbidden", "Only administrators manage accounts.");
    }

    private static string CheckedName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        Require(trimmed.Length is > 0 and <= 200 && trimmed.IndexOfAny(['<', '>']) < 0, "invalid-name", "A full name is 1–200 characters, without markup.");
        return trimmed;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException("identity", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new AccountException(code, message);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex UserNamePattern();
}

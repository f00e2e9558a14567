using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// The officer confirms their password before a batch is signed. A success gives a token valid for a few
/// minutes, bound to the account and its security stamp (a password change or a lock voids it), protected
/// by ASP.NET Core data protection so any node can check it. Failures count towards the account's lockout.
/// </summary>
public sealed class Reauthentication(
    UserManager<BackOfficeUser> users,
    SignInManager<BackOfficeUser> signIn,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<Reauthentication> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("SmartKiosk.Review.Reauthentication.v1");

    public async Task<ReauthGrant> GrantAsync(ClaimsPrincipal principal, string? password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.GetUserAsync(principal)
            ?? throw new ReviewException(ReviewError.ReauthenticationFailed, "The signed-in account no longer exists.");
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Re-authentication of {UserName} refused: the account is locked out", user.UserName);
            throw new ReviewException(ReviewError.LockedOut, "Too many wrong passwords: the account is locked for a while.");
        }
        if (!result.Succeeded)
        {
            logger.LogWarning("Re-authentication of {UserName} failed", user.UserName);
            throw new ReviewException(ReviewError.ReauthenticationFailed, "The password is not right.");
        }

        var expires = time.GetUtcNow() + Lifetime;
        var token = _protector.Protect(JsonSerializer.Serialize(new Grant(user.UserName!, user.SecurityStamp ?? "", expires)));
        logger.LogInformation("{UserName} re-authenticated for signing until {ExpiresAt}", user.UserName, expires);
        return new ReauthGrant(token, expires);
    }

    /// <summary>Throws unless the token was granted to this account, is unexpired and the account has not changed since.</summary>
    public async Task EnsureValidAsync(ClaimsPrincipal principal, string? token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Grant? grant = null;
        try
        {
            grant = string.IsNullOrEmpty(token) ? null : JsonSerializer.Deserialize<Grant>(_protector.Unprotect(token));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
        catch (JsonException)
        {
        }
        var user = await users.GetUserAsync(principal);
        if (grant is null || user is null || grant.UserName != user.UserName || grant.Stamp != (user.SecurityStamp ?? "") || grant.ExpiresAt <= time.GetUtcNow())
        {
            throw new ReviewException(ReviewError.ReauthenticationRequired, "Confirm your password before signing a batch.");
        }
        if (await users.IsLockedOutAsync(user))
        {
            throw new ReviewException(ReviewError.LockedOut, "The account is locked.");
        }
    }

    private sealed record Grant(string UserName, string Stamp, DateTimeOffset ExpiresAt);
}

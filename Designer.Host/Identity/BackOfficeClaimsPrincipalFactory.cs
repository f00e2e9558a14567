using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>
/// Puts the account's agency and officer into the sign-in cookie, so every request knows whose tasks the
/// caller may see and whose certificate signs, without a database read. A change to either takes effect
/// when the security stamp is next validated (the change updates the stamp).
/// </summary>
public sealed class BackOfficeClaimsPrincipalFactory(
    UserManager<BackOfficeUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BackOfficeUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BackOfficeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BackOfficeClaims.FullName, user.FullName));
        if (user.AgencyId is { Length: > 0 } agency)
        {
            identity.AddClaim(new Claim(BackOfficeClaims.Agency, agency));
        }
        if (user.OfficerId is { Length: > 0 } officer)
        {
            identity.AddClaim(new Claim(BackOfficeClaims.Officer, officer));
        }
        return identity;
    }
}

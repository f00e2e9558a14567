using System.Security.Claims;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>
/// Who is acting, read from the sign-in cookie: the account, its roles, and the agency and officer it is
/// bound to. Everything the server decides on behalf of the caller (which tasks are visible, whose
/// certificate signs) comes from here, never from a request body.
/// </summary>
public sealed record BackOfficeActor(string UserName, string FullName, IReadOnlyList<string> Roles, string? AgencyId, string? OfficerId)
{
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    public bool IsClerk => Roles.Contains(Identity.Roles.Clerk);

    public bool IsAuditor => Roles.Contains(Identity.Roles.Auditor);

    /// <summary>An administrator bound to no agency: only they change what every agency's kiosks share (templates, document types, fees, the statement).</summary>
    public bool AdministersCity => IsAdmin && AgencyId is null;

    /// <summary>
    /// The agencies whose work the actor may see: their own when bound to one; every agency (null) for an
    /// administrator or auditor without one; none for a clerk without one (a clerk always belongs somewhere).
    /// </summary>
    public IReadOnlyList<string>? VisibleAgencies =>
        AgencyId is { } agency ? [agency]
        : IsAdmin || IsAuditor ? null
        : [];

    public bool MaySee(string? agencyId) => VisibleAgencies is not { } visible || (agencyId is not null && visible.Contains(agencyId));

    public static BackOfficeActor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new BackOfficeActor(
            user.Identity?.Name ?? "unknown",
            user.FindFirstValue(BackOfficeClaims.FullName) ?? user.Identity?.Name ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.FindFirstValue(BackOfficeClaims.Agency),
            user.FindFirstValue(BackOfficeClaims.Officer));
    }
}

using Microsoft.AspNetCore.Identity;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>A back-office account: an administrator, a clerk (judicial officer, cán bộ tư pháp) or an auditor.</summary>
public sealed class BackOfficeUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>
    /// The certifying agency the account works for. A clerk sees and acts only on this agency's tasks and
    /// dossiers and cannot work without one; administrators and auditors without one work city-wide.
    /// </summary>
    public string? AgencyId { get; set; }

    /// <summary>The officer (in the issuance register) this clerk signs as, with that officer's own certificate.</summary>
    public string? OfficerId { get; set; }
}

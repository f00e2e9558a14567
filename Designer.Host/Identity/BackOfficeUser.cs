using Microsoft.AspNetCore.Identity;

namespace SmartKiosk.Designer.Host.Identity;

/// <summary>A back-office account: an administrator, a clerk (judicial officer, cán bộ tư pháp) or an auditor.</summary>
public sealed class BackOfficeUser : IdentityUser
{
    public string FullName { get; set; } = "";
}

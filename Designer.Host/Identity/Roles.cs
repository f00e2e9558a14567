namespace SmartKiosk.Designer.Host.Identity;

/// <summary>The back-office roles and the policies built on them.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Clerk = "clerk";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Clerk, Auditor];
}

public static class Policies
{
    /// <summary>Change workflows, start and cancel instances.</summary>
    public const string Administer = "administer";

    /// <summary>Read workflows, instances and audit trails.</summary>
    public const string Oversee = "oversee";

    /// <summary>Work manual-review tasks (clerks; administrators as supervisors).</summary>
    public const string WorkTasks = "work-tasks";

    /// <summary>Read the review inbox and dossiers (clerks, administrators, auditors — each within their agency).</summary>
    public const string ReadTasks = "read-tasks";
}

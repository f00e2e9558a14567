namespace SmartKiosk.Designer.Host.Identity;

/// <summary>The claims the back office adds to Identity's own (name, roles, security stamp).</summary>
public static class BackOfficeClaims
{
    public const string FullName = "smartkiosk:full-name";
    public const string Agency = "smartkiosk:agency";
    public const string Officer = "smartkiosk:officer";
}

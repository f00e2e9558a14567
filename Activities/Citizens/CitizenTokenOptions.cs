namespace SmartKiosk.Activities.Citizens;

/// <summary>The citizen app's tokens (section <c>Citizens</c>).</summary>
public sealed class CitizenTokenOptions
{
    public const string SectionName = "Citizens";
    public const string Audience = "smartkiosk-citizen";
    public const string Issuer = "smartkiosk";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public int CodeAttempts { get; set; } = 5;
}

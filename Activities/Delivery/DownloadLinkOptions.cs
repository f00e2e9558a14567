namespace SmartKiosk.Activities.Delivery;

/// <summary>Download links behind the kiosk's QR code (section <c>Delivery:Downloads</c>).</summary>
public sealed class DownloadLinkOptions
{
    public const string SectionName = "Delivery:Downloads";

    /// <summary>How long a link works: long enough to download at home, short enough that a photographed QR goes stale.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

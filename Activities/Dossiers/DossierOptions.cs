namespace SmartKiosk.Activities.Dossiers;

/// <summary>Dossier lifetimes (section <c>Dossiers</c>).</summary>
public sealed class DossierOptions
{
    public const string SectionName = "Dossiers";

    /// <summary>A kiosk session not confirmed within this time is abandoned: its instance is cancelled and its scans deleted.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Scans and captures are deleted this many days after the dossier ends; the signed copy is kept.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most uploads (pages, frames, ID card) one dossier may hold.</summary>
    public int MaxUploads { get; set; } = 60;
}

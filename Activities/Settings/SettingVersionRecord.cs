namespace SmartKiosk.Activities.Settings;

/// <summary>
/// One saved version of a settings section (the whole section as JSON). The highest version of a section
/// is the one every host uses, over the configuration files; older ones stay for history.
/// </summary>
public sealed class SettingVersionRecord
{
    public long Id { get; set; }

    public required string Section { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

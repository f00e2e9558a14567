namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// One saved version of a recognition template (the whole template as JSON). The highest version of an
/// id is the one recognition uses; older ones stay for history and going back. A template never saved
/// is the shipped seed (version 0).
/// </summary>
public sealed class TemplateVersionRecord
{
    public long Id { get; set; }

    public required string TemplateId { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

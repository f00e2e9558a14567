namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>
/// An append-only audit entry. Each subject (a definition, a user, a dossier) has its own hash chain:
/// <c>Hash = SHA-256(PreviousHash | fields)</c>, so tampering with one entry breaks every later one,
/// and writers to different subjects never wait on each other.
/// </summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";

    /// <summary>1, 2, 3… within the subject; unique, so two racing writers cannot fork a chain.</summary>
    public long Sequence { get; set; }

    public string Action { get; set; } = "";
    public string Actor { get; set; } = "";
    public string? DataJson { get; set; }
    public DateTime OccurredAt { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

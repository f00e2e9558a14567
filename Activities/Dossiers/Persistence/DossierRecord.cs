namespace SmartKiosk.Activities.Dossiers.Persistence;

/// <summary>
/// A citizen's request for a certified copy of one original: who (which kiosk, agency), what
/// (document type, workflow version), where it is (status, stage) and what came of it. What the
/// workflow produced (fields, findings, fee) stays in the instance; this row is what lists, lookups
/// and retention need.
/// </summary>
public sealed class DossierRecord
{
    public Guid Id { get; set; }

    /// <summary>The receipt code's 12 symbols, without separators.</summary>
    public string ReceiptCode { get; set; } = "";

    public string DeviceId { get; set; } = "";
    public string AgencyId { get; set; } = "";
    public string Service { get; set; } = "";
    public string DocumentType { get; set; } = "";
    public string? DefinitionId { get; set; }
    public int? DefinitionVersion { get; set; }
    public Guid? InstanceId { get; set; }

    public DossierStatus Status { get; set; }

    /// <summary>What the workflow waits for from the kiosk (a signal name such as kiosk.scan), when it waits.</summary>
    public string? Stage { get; set; }

    /// <summary>Codes of the reasons for the status (refusal grounds, review reasons), comma-separated.</summary>
    public string? Reasons { get; set; }

    /// <summary>Where the copy is e-mailed, if the citizen asked. Personal data: deleted with the scans.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The citizen's pseudonymous key (from the contact address), kept after the address is deleted: the citizen app finds its copies by it.</summary>
    public string? CitizenKey { get; set; }

    /// <summary>Where the e-mail with the copy is: queued, sent, failed, no-address; null when none was asked for.</summary>
    public string? EmailStatus { get; set; }

    public string? VerificationCode { get; set; }
    public Guid? CopyId { get; set; }
    public long? FeeDong { get; set; }

    /// <summary>Blob addresses the dossier owns (scans, captures, ID card), JSON array; the copy is not among them.</summary>
    public string BlobsJson { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>An open session that is not submitted by then is abandoned.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When the retention job deleted the scans and captures.</summary>
    public DateTime? PurgedAt { get; set; }

    /// <summary>Grows with every change: the concurrency token, and the id of live progress events.</summary>
    public int Revision { get; set; }
}

namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>
/// One line of the electronic certification register: one number for one original, however many copies
/// are made of it. A number whose copy could not be signed stays here as voided, with the reason.
/// </summary>
public sealed class RegisterEntryRecord
{
    public Guid Id { get; set; }
    public required string AgencyId { get; set; }
    public int Year { get; set; }
    public int Book { get; set; }
    public int Number { get; set; }

    /// <summary>e.g. <c>12/2026</c>.</summary>
    public required string NumberLabel { get; set; }

    /// <summary>e.g. <c>01/2026-SCTĐT/BS</c>.</summary>
    public required string BookLabel { get; set; }

    /// <summary>What identifies the original within the agency (the dossier and its original), so a second copy reuses the number.</summary>
    public required string OriginalKey { get; set; }

    public required string DocumentType { get; set; }
    public required string OfficerId { get; set; }
    public int Pages { get; set; }
    public long FeeDong { get; set; }
    public RegisterEntryStatus Status { get; set; }
    public DateTimeOffset AllocatedAt { get; set; }
    public DateOnly CertificationDate { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
}

public enum RegisterEntryStatus
{
    /// <summary>Numbered; the copy is being signed.</summary>
    Allocated,

    /// <summary>At least one signed copy exists.</summary>
    Issued,

    /// <summary>The copy could not be signed; the number is kept, never reused.</summary>
    Voided,
}

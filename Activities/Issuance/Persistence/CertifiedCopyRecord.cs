namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>An issued copy: immutable once stored (only its revocation is recorded later).</summary>
public sealed class CertifiedCopyRecord
{
    public Guid Id { get; set; }
    public Guid RegisterEntryId { get; set; }
    public required string AgencyId { get; set; }

    /// <summary>The public verification code, without separators.</summary>
    public required string VerificationCode { get; set; }

    /// <summary>SHA-256 of the signed PDF (also its blob address).</summary>
    public required string Sha256 { get; set; }
    public long Length { get; set; }
    public required string DocumentType { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
}

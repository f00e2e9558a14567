namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>Valid, revoked, or not a code this register knows (malformed codes included).</summary>
public enum CopyStatus
{
    Valid,
    Revoked,
    Unknown,
}

/// <summary>
/// What anyone may learn from a code: the certification, not the citizen. No name, no ID number —
/// nothing the holder of the copy does not already see on it.
/// </summary>
public sealed record PublicCopyStatus(
    CopyStatus Status,
    string? DocumentType,
    string? CertificationNumber,
    string? Book,
    DateOnly? CertificationDate,
    string? Agency,
    string? Officer,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? RevokedAt,
    string? RevocationReason)
{
    public static PublicCopyStatus Unknown { get; } = new(CopyStatus.Unknown, null, null, null, null, null, null, null, null, null);
}

namespace SmartKiosk.Activities.Issuance.Timestamps;

/// <summary>An RFC 3161 time-stamping authority: a token that a digest existed at a trusted time (PAdES B-T).</summary>
public interface ITimestampAuthority
{
    /// <summary>The DER-encoded TimeStampToken (a CMS SignedData) over a SHA-256 digest.</summary>
    Task<byte[]> TimestampAsync(byte[] sha256Digest, CancellationToken cancellationToken);
}

namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>What our own check found for one signature of a PDF.</summary>
/// <param name="Signer">The signing certificate's common name.</param>
/// <param name="Valid">The CMS signature verifies and its digest matches the bytes the /ByteRange covers.</param>
/// <param name="Trusted">The signing certificate chains to a trusted root (at the time-stamp's time when there is one).</param>
/// <param name="TimestampedAt">The time of the RFC 3161 token, when present and valid.</param>
/// <param name="SignedLength">How many bytes from the start of the file this signature's revision covers.</param>
/// <param name="Problem">Why it is not valid, when it is not.</param>
public sealed record PdfSignatureCheck(string? Signer, bool Valid, bool Trusted, DateTimeOffset? TimestampedAt, long SignedLength, string? Problem);

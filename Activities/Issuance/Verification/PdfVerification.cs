namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>
/// The verdict on an uploaded PDF: authentic only when it is byte for byte an issued, unrevoked copy
/// whose two signatures verify, chain to a trusted root and cover the whole file. Otherwise the
/// findings say why, and <see cref="Copy"/> names the issued copy it was made from when that is known.
/// </summary>
public sealed record PdfVerification(
    bool Authentic,
    bool ByteIdentical,
    PublicCopyStatus Copy,
    IReadOnlyList<PdfSignatureCheck> Signatures,
    IReadOnlyList<string> Findings);

/// <summary>The reasons an uploaded PDF is not authentic.</summary>
public static class PdfFindings
{
    /// <summary>No issued copy has these bytes.</summary>
    public const string NotIssuedHere = "not-issued-here";

    /// <summary>A signature does not verify: bytes inside a signed part were changed.</summary>
    public const string SignatureBroken = "signature-broken";

    /// <summary>Bytes were added after the last signature (a later revision: pages, annotations…).</summary>
    public const string ChangedAfterSigning = "changed-after-signing";

    /// <summary>Fewer than the officer's signature and the agency seal.</summary>
    public const string SignatureMissing = "signature-missing";

    /// <summary>A signer does not chain to a trusted root.</summary>
    public const string UntrustedSigner = "untrusted-signer";

    /// <summary>The copy was revoked.</summary>
    public const string Revoked = "revoked";

    /// <summary>Not a PDF at all, or no signature could be found.</summary>
    public const string NotASignedPdf = "not-a-signed-pdf";
}

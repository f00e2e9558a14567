namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>
/// An officer's signing key uploaded by an administrator (PKCS#12), encrypted with the data key ring
/// together with its password, so every host signs with it and a database copy alone signs nothing.
/// The certificate's facts are kept beside it for the screens.
/// </summary>
public sealed class OfficerKeyRecord
{
    public required string OfficerId { get; set; }

    public required string ProtectedPkcs12 { get; set; }

    public required string ProtectedPassword { get; set; }

    public required string Subject { get; set; }

    public required string Issuer { get; set; }

    public required string Thumbprint { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

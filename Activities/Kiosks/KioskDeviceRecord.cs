namespace SmartKiosk.Activities.Kiosks;

/// <summary>A registered kiosk and its credential.</summary>
public sealed class KioskDeviceRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string AgencyId { get; set; } = "";
    public string Branch { get; set; } = "";
    public string Location { get; set; } = "";
    public KioskStatus Status { get; set; }

    /// <summary>Names the credential in signed requests; changes when the credential is rotated.</summary>
    public string? KeyId { get; set; }

    public KioskCredentialKind? CredentialKind { get; set; }

    /// <summary>The HMAC secret, encrypted with the data key (the gateway needs it to check signatures).</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>An enrolled browser's ECDSA P-256 public key (SubjectPublicKeyInfo, base64); its private key never leaves the browser.</summary>
    public string? PublicKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? CredentialIssuedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
}

public enum KioskStatus
{
    Active,
    Disabled,
}

public enum KioskCredentialKind
{
    /// <summary>A shared secret: requests carry an HMAC-SHA256 signature.</summary>
    Hmac,

    /// <summary>A key pair made in the kiosk's browser at enrolment: requests carry an ECDSA P-256 signature.</summary>
    EcdsaP256,
}

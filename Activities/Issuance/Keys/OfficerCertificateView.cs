namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>Where an officer's signing key comes from.</summary>
public enum OfficerKeySource
{
    /// <summary>No key yet (production configuration without one for this officer).</summary>
    None,

    /// <summary>A PKCS#12 file named in the configuration (Issuance:Signing:Officers).</summary>
    Configured,

    /// <summary>A PKCS#12 an administrator uploaded.</summary>
    Uploaded,

    /// <summary>The development PKI of the embedded default.</summary>
    Development,
}

/// <summary>An officer's certificate as the administration screen shows it (never the key).</summary>
public sealed record OfficerCertificateView(
    string OfficerId,
    OfficerKeySource Source,
    string? Subject,
    string? Issuer,
    string? Thumbprint,
    DateTime? NotBefore,
    DateTime? NotAfter);

public sealed class OfficerCertificateException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

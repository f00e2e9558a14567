namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// Where the signing keys come from (configuration section <c>Issuance:Signing</c>). With nothing
/// configured, a development PKI is generated in the data folder on first run. In production every
/// officer and agency seal is a PKCS#12 file whose password is read from an environment variable
/// (never from the configuration file), and the trusted roots are the national CA's certificates.
/// </summary>
public sealed class SigningOptions
{
    public const string SectionName = "Issuance:Signing";

    /// <summary>Folder of the development PKI; empty: <c>keys/dev</c> in the data folder.</summary>
    public string? DevelopmentKeyFolder { get; set; }

    /// <summary>Officer id → PKCS#12 file.</summary>
    public Dictionary<string, Pkcs12KeyFile> Officers { get; set; } = [];

    /// <summary>Agency id → PKCS#12 file of its seal.</summary>
    public Dictionary<string, Pkcs12KeyFile> Seals { get; set; } = [];

    /// <summary>Trusted root certificates (DER or PEM files); empty: the development root.</summary>
    public List<string> TrustedRoots { get; set; } = [];
}

/// <summary>A PKCS#12 file and the name of the environment variable that holds its password.</summary>
public sealed class Pkcs12KeyFile
{
    public string Path { get; set; } = "";

    public string PasswordVariable { get; set; } = "";
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// A signing identity behind an interface, so an HSM (PKCS#11) or a remote signing service can replace
/// the key files: the certificate and its chain are public; only <see cref="SignHash"/> touches the key.
/// </summary>
public interface ISigningKey
{
    X509Certificate2 Certificate { get; }

    /// <summary>The issuing certificates up to and including the root.</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>Signs a digest (RSA PKCS#1 v1.5). Synchronous, as PKCS#11 tokens are.</summary>
    byte[] SignHash(byte[] hash, HashAlgorithmName algorithm);
}

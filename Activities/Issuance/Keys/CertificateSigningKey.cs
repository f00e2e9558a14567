using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>A signing key held in this process: a certificate with its RSA private key (from PKCS#12).</summary>
public sealed class CertificateSigningKey : ISigningKey, IDisposable
{
    private readonly RSA key;
    private readonly IReadOnlyList<X509Certificate2> owned;

    /// <param name="owned">Certificates opened for this key alone (from its PKCS#12), disposed with it; never shared roots.</param>
    public CertificateSigningKey(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2>? owned = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        Certificate = certificate;
        Chain = chain;
        this.owned = owned ?? [];
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public byte[] SignHash(byte[] hash, HashAlgorithmName algorithm) => key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1);

    public void Dispose()
    {
        key.Dispose();
        foreach (var certificate in owned)
        {
            certificate.Dispose();
        }
    }
}

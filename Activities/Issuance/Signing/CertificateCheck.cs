using System.Security.Cryptography.X509Certificates;
using SmartKiosk.Activities.Issuance.Keys;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>
/// Decree 68/2024: a certificate is checked before it signs — within its validity period, meant for
/// signing, and chaining to a trusted root. Revocation is checked where the chain's CA publishes it
/// (the development PKI publishes no CRL, so it is not required there).
/// </summary>
public sealed class CertificateCheck(TimeProvider time, IReadOnlyList<X509Certificate2> trustedRoots)
{
    public void EnsureUsable(ISigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var certificate = key.Certificate;
        var now = time.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw new CertificateNotUsableException($"The certificate of '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' is not valid now (valid {certificate.NotBefore:dd/MM/yyyy}–{certificate.NotAfter:dd/MM/yyyy}).");
        }
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw new CertificateNotUsableException($"The certificate of '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' is not meant for signing.");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(key.Chain.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        if (!chain.Build(certificate))
        {
            var problems = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct());
            throw new CertificateNotUsableException($"The certificate of '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' does not chain to a trusted root: {problems}");
        }
    }
}

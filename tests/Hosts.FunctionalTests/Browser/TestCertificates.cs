using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartKiosk.Activities.Issuance.Keys;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>PKCS#12 files an administrator might upload: issued under the hosts' development root (as a CA would), self-signed, expired.</summary>
public static class TestCertificates
{
    public const string Password = "mat-khau-p12";

    /// <param name="pkiFolder">The hosts' development PKI folder (its root signs the certificate); null: self-signed.</param>
    public static byte[] Pkcs12(string commonName, string? pkiFolder, DateTimeOffset notBefore, DateTimeOffset notAfter, bool withKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=SmartKiosk test, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        X509Certificate2 certificate;
        if (pkiFolder is null)
        {
            certificate = request.CreateSelfSigned(notBefore, notAfter);
        }
        else
        {
            using var root = DevelopmentPki.Load(pkiFolder, DevelopmentPki.RootFile);
            // The development root may be minutes old: a certificate cannot start before its issuer.
            using var issued = request.Create(root, notBefore < root.NotBefore ? root.NotBefore : notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
            certificate = issued.CopyWithPrivateKey(rsa);
        }

        using (certificate)
        {
            return withKey
                ? certificate.Export(X509ContentType.Pkcs12, Password)
                : X509CertificateLoader.LoadCertificate(certificate.RawData).Export(X509ContentType.Pkcs12, Password);
        }
    }
}

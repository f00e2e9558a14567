using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// Officers' signing certificates for administrators: see which one an officer signs with, upload a
/// PKCS#12 (checked before anything is stored: an RSA private key, valid today, allowed to sign, chained
/// to the trusted roots), go back to the default, or make the development certificate on the embedded
/// default. Each change is audited on the officer's chain with the certificate's thumbprint.
/// </summary>
public sealed class OfficerCertificates(IssuanceDbContextFactory factory, SigningKeyStore keys, KeyRingCipher cipher, IAuditLog audit, TimeProvider time)
{
    /// <summary>A signing PKCS#12 is a few kilobytes; anything far larger is not one.</summary>
    public const int MaxPkcs12Bytes = 64 * 1024;

    public async Task<OfficerCertificateView> DescribeAsync(Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var (certificate, source) = await keys.OfficerCertificateAsync(officer, cancellationToken);
        using var _ = certificate;
        return certificate is null
            ? new OfficerCertificateView(officer.Id, source, null, null, null, null, null)
            : new OfficerCertificateView(officer.Id, source, certificate.Subject, certificate.Issuer, certificate.Thumbprint, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
    }

    public async Task<OfficerCertificateView> UploadAsync(Officer officer, byte[] pkcs12, string? password, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(pkcs12);
        Require(pkcs12.Length is > 0 and <= MaxPkcs12Bytes, "too-large", $"A PKCS#12 file is at most {MaxPkcs12Bytes / 1024} KB.");
        Require(!keys.IsConfigured(officer.Id), "configured", "This officer's key is set in the configuration; change it there.");
        X509Certificate2Collection certificates;
        try
        {
            certificates = SigningKeyStore.OpenPkcs12(pkcs12, password);
        }
        catch (CryptographicException)
        {
            throw new OfficerCertificateException("unreadable", "The file is not a PKCS#12 this password opens.");
        }

        try
        {
            var signer = certificates.FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new OfficerCertificateException("no-private-key", "The file holds no private key.");
            using (var rsa = signer.GetRSAPrivateKey())
            {
                Require(rsa is not null, "not-rsa", "The key must be an RSA key.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            Require(signer.NotBefore.ToUniversalTime() <= now && now < signer.NotAfter.ToUniversalTime(), "not-valid-now", "The certificate is not valid today.");
            var usage = signer.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
            Require(usage is null || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0, "not-for-signing", "The certificate is not allowed to sign.");
            var constraints = signer.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            Require(constraints is not { CertificateAuthority: true }, "not-for-signing", "A CA certificate does not sign documents.");
            Require(ChainsToTrustedRoot(signer, certificates), "untrusted", "The certificate is not issued under a trusted root.");

            await using var db = factory.Create();
            // One certificate, one officer: another officer's certificate would sign in their name.
            var thumbprint = signer.Thumbprint;
            Require(!await db.OfficerKeys.AnyAsync(k => k.Thumbprint == thumbprint && k.OfficerId != officer.Id, cancellationToken), "in-use", "This certificate is already uploaded for another officer.");
            var row = await db.OfficerKeys.SingleOrDefaultAsync(k => k.OfficerId == officer.Id, cancellationToken);
            if (row is null)
            {
                row = new OfficerKeyRecord
                {
                    OfficerId = officer.Id,
                    ProtectedPkcs12 = "",
                    ProtectedPassword = "",
                    Subject = "",
                    Issuer = "",
                    Thumbprint = "",
                    UploadedBy = actor,
                };
                db.OfficerKeys.Add(row);
            }

            var purpose = SigningKeyStore.UploadedKeyPurpose(officer.Id);
            row.ProtectedPkcs12 = cipher.Protect(pkcs12, purpose);
            row.ProtectedPassword = cipher.Protect(Encoding.UTF8.GetBytes(password ?? ""), purpose);
            row.Subject = Truncate(signer.Subject);
            row.Issuer = Truncate(signer.Issuer);
            row.Thumbprint = signer.Thumbprint;
            row.NotBefore = signer.NotBefore.ToUniversalTime();
            row.NotAfter = signer.NotAfter.ToUniversalTime();
            row.UploadedAt = now;
            row.UploadedBy = actor;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new OfficerCertificateException("conflict", "Another administrator changed this officer's certificate at the same moment.");
            }

            await AuditAsync(officer, "certificate.uploaded", actor, new JsonObject { ["thumbprint"] = signer.Thumbprint, ["notAfter"] = row.NotAfter }, cancellationToken);
            return await DescribeAsync(officer, cancellationToken);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>Drops an uploaded key: the officer signs with the configured or development key again.</summary>
    public async Task<OfficerCertificateView> RemoveUploadAsync(Officer officer, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await using var db = factory.Create();
        var removed = await db.OfficerKeys.Where(k => k.OfficerId == officer.Id).ExecuteDeleteAsync(cancellationToken);
        Require(removed > 0, "no-upload", "No uploaded key to remove.");
        await AuditAsync(officer, "certificate.removed", actor, null, cancellationToken);
        return await DescribeAsync(officer, cancellationToken);
    }

    /// <summary>On the embedded default, makes the officer's development certificate now (it is otherwise made at the first signature).</summary>
    public async Task<OfficerCertificateView> EnsureDevelopmentAsync(Officer officer, Agency agency, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        Require(keys.UsesDevelopmentPki, "production", "Production keys are configured: development certificates are not made.");
        keys.EnsureDevelopmentKey(officer, agency);
        var view = await DescribeAsync(officer, cancellationToken);
        await AuditAsync(officer, "certificate.development", actor, new JsonObject { ["thumbprint"] = view.Thumbprint }, cancellationToken);
        return view;
    }

    private bool ChainsToTrustedRoot(X509Certificate2 signer, X509Certificate2Collection bundled)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(keys.TrustedRoots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(bundled.Where(c => !ReferenceEquals(c, signer)).ToArray());
        // Revocation needs the CA's CRL or OCSP service, which the back office cannot reach here; see docs.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        return chain.Build(signer);
    }

    private async Task AuditAsync(Officer officer, string action, string actor, JsonObject? data, CancellationToken cancellationToken) =>
        await audit.AppendAsync(new AuditEvent(AgencyDirectory.OfficerAuditSubject, officer.Id, action, actor, data), cancellationToken);

    private static string Truncate(string value) => value.Length <= 500 ? value : value[..500];

    private static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new OfficerCertificateException(code, message);
        }
    }
}

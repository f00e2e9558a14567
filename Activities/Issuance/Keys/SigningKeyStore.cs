using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// Hands out the officers' and agencies' signing keys: configured PKCS#12 files first, then a key an
/// administrator uploaded for the officer, the development PKI (generated on first use) otherwise.
/// Keys are loaded per signature and disposed after it.
/// </summary>
public sealed class SigningKeyStore(IOptions<SigningOptions> options, IOptions<DataFolderOptions> data, IssuanceDbContextFactory factory, KeyRingCipher cipher, TimeProvider time)
{
    /// <summary>
    /// What an officer's uploaded key and its password are encrypted for (see <see cref="KeyRingCipher"/>):
    /// the officer's id is part of it, so a row copied onto another officer does not decrypt.
    /// </summary>
    public static string UploadedKeyPurpose(string officerId) => "smartkiosk/officer-key/v1:" + officerId;

    private readonly Lazy<string> developmentFolder = new(() =>
    {
        var folder = options.Value.DevelopmentKeyFolder is { Length: > 0 } configured
            ? configured
            : Path.Combine(data.Value.Path, "keys", "dev");
        DevelopmentPki.EnsureCreated(folder, SeedAgencies.Agencies, SeedAgencies.Officers, time.GetUtcNow());
        return folder;
    });

    private IReadOnlyList<X509Certificate2>? trustedRoots;

    /// <summary>
    /// The roots a signing certificate must chain to (the development root when none is configured).
    /// Loaded once: every signature and every uploaded PDF asks for them.
    /// </summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots => LazyInitializer.EnsureInitialized(ref trustedRoots, () =>
        options.Value.TrustedRoots.Count > 0
            ? [.. options.Value.TrustedRoots.Select(X509CertificateLoader.LoadCertificateFromFile)]
            : [DevelopmentPki.Root(developmentFolder.Value)]);

    /// <summary>True when no production key is configured: keys missing from the PKI are made on first use.</summary>
    public bool UsesDevelopmentPki => options.Value.Officers.Count == 0 && options.Value.Seals.Count == 0 && options.Value.TrustedRoots.Count == 0;

    /// <summary>True when the configuration names a PKCS#12 file for the officer (it wins over an upload).</summary>
    public bool IsConfigured(string officerId) => options.Value.Officers.ContainsKey(officerId);

    /// <summary>
    /// The officer's own key: configured, uploaded, or development. On the development PKI an officer
    /// added after the first run gets a certificate in their name on first use, so they never sign with
    /// somebody else's.
    /// </summary>
    public async Task<CertificateSigningKey> OfficerKeyAsync(Officer officer, Agency agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(agency);
        if (options.Value.Officers.TryGetValue(officer.Id, out var file))
        {
            return Load(file);
        }

        if (await UploadedAsync(officer.Id, cancellationToken) is not { } uploaded)
        {
            return Development(DevelopmentPki.OfficerFile(officer.Id), agency, officer);
        }

        if (uploaded.Certificate.NotAfter.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
        {
            var end = uploaded.Certificate.NotAfter.ToUniversalTime();
            uploaded.Dispose();

            // A copy signed with an expired certificate is worthless: stop here, where an administrator sees why.
            throw new InvalidOperationException($"The uploaded certificate of officer '{officer.Id}' expired on {end:yyyy-MM-dd}; upload a new one.");
        }

        return uploaded;
    }

    /// <summary>
    /// The certificate (public part) the officer signs with now and where it comes from, in the order
    /// <see cref="OfficerKeyAsync"/> chooses; no certificate when none exists yet. An expired upload is
    /// returned as it is (the screen shows it expired; signing refuses it).
    /// </summary>
    public async Task<(X509Certificate2? Certificate, OfficerKeySource Source)> OfficerCertificateAsync(Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (options.Value.Officers.TryGetValue(officer.Id, out var file))
        {
            using var configured = Load(file);
            return (X509CertificateLoader.LoadCertificate(configured.Certificate.RawData), OfficerKeySource.Configured);
        }

        if (await UploadedAsync(officer.Id, cancellationToken) is { } uploaded)
        {
            using (uploaded)
            {
                return (X509CertificateLoader.LoadCertificate(uploaded.Certificate.RawData), OfficerKeySource.Uploaded);
            }
        }

        if (!UsesDevelopmentPki || !File.Exists(Path.Combine(developmentFolder.Value, DevelopmentPki.OfficerFile(officer.Id))))
        {
            return (null, OfficerKeySource.None);
        }

        using var development = DevelopmentPki.Load(developmentFolder.Value, DevelopmentPki.OfficerFile(officer.Id));
        return (X509CertificateLoader.LoadCertificate(development.RawData), OfficerKeySource.Development);
    }

    /// <summary>Makes the officer's development certificate now if it does not exist (embedded default only).</summary>
    public void EnsureDevelopmentKey(Officer officer, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(officer);
        using var _ = Development(DevelopmentPki.OfficerFile(officer.Id), agency, officer);
    }

    /// <summary>A PKCS#12 as uploaded, opened with the loader's limits (a hostile file cannot make it spin or allocate without bound).</summary>
    public static X509Certificate2Collection OpenPkcs12(byte[] pkcs12, string? password) =>
        X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet, Pkcs12LoaderLimits.Defaults);

    private async Task<CertificateSigningKey?> UploadedAsync(string officerId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var row = await db.OfficerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.OfficerId == officerId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var purpose = UploadedKeyPurpose(officerId);
        var certificates = OpenPkcs12(cipher.Unprotect(row.ProtectedPkcs12, purpose), Encoding.UTF8.GetString(cipher.Unprotect(row.ProtectedPassword, purpose)));
        var signer = certificates.First(c => c.HasPrivateKey);
        return new CertificateSigningKey(signer, [.. certificates.Where(c => !ReferenceEquals(c, signer)), .. TrustedRoots], [.. certificates]);
    }

    /// <summary>The agency's seal key (on the development PKI created on first use for a new agency).</summary>
    public CertificateSigningKey SealKey(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return options.Value.Seals.TryGetValue(agency.Id, out var file)
            ? Load(file)
            : Development(DevelopmentPki.SealFile(agency.Id), agency, officer: null);
    }

    public CertificateSigningKey TimestampKey() => Development(DevelopmentPki.TsaFile);

    private CertificateSigningKey Development(string file, Agency agency, Officer? officer)
    {
        // With production keys configured, a missing one is an error to fix, never a development key on a real copy.
        if (!UsesDevelopmentPki)
        {
            throw new InvalidOperationException($"No signing key is configured for {(officer is null ? $"agency '{agency.Id}'" : $"officer '{officer.Id}'")} (Issuance:Signing).");
        }
        // Idempotent and under the folder's lock: creates what is missing (a key file and its password together).
        DevelopmentPki.EnsureCreated(developmentFolder.Value, [agency], officer is null ? [] : [officer], time.GetUtcNow());
        return Development(file);
    }

    private CertificateSigningKey Development(string file)
    {
        var path = Path.Combine(developmentFolder.Value, file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No signing key '{file}' in the development PKI.");
        }
        var certificate = DevelopmentPki.Load(developmentFolder.Value, file);
        return new CertificateSigningKey(certificate, TrustedRoots, [certificate]);
    }

    private CertificateSigningKey Load(Pkcs12KeyFile file)
    {
        var password = Environment.GetEnvironmentVariable(file.PasswordVariable);
        var certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(file.Path, password, X509KeyStorageFlags.EphemeralKeySet);
        var signer = certificates.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"'{file.Path}' holds no private key.");
        return new CertificateSigningKey(signer, [.. certificates.Where(c => !ReferenceEquals(c, signer)), .. TrustedRoots], [.. certificates]);
    }
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance.Agencies;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// Hands out the officers' and agencies' signing keys: configured PKCS#12 files first, the development
/// PKI (generated on first use) otherwise. Keys are loaded per signature and disposed after it.
/// </summary>
public sealed class SigningKeyStore(IOptions<SigningOptions> options, IOptions<DataFolderOptions> data, TimeProvider time)
{
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

    /// <summary>
    /// The officer's own key. On the development PKI an officer added after the first run gets a
    /// certificate in their name on first use, so they never sign with somebody else's.
    /// </summary>
    public CertificateSigningKey OfficerKey(Officer officer, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(agency);
        return options.Value.Officers.TryGetValue(officer.Id, out var file)
            ? Load(file)
            : Development(DevelopmentPki.OfficerFile(officer.Id), agency, officer);
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
        if (options.Value.Officers.Count > 0 || options.Value.Seals.Count > 0 || options.Value.TrustedRoots.Count > 0)
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
        return new CertificateSigningKey(DevelopmentPki.Load(developmentFolder.Value, file), TrustedRoots);
    }

    private CertificateSigningKey Load(Pkcs12KeyFile file)
    {
        var password = Environment.GetEnvironmentVariable(file.PasswordVariable);
        var certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(file.Path, password, X509KeyStorageFlags.EphemeralKeySet);
        var signer = certificates.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"'{file.Path}' holds no private key.");
        return new CertificateSigningKey(signer, [.. certificates.Where(c => !ReferenceEquals(c, signer)), .. TrustedRoots]);
    }
}

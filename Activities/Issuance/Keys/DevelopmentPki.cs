using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance.Agencies;

namespace SmartKiosk.Activities.Issuance.Keys;

/// <summary>
/// The development PKI generated on first run: a root CA, one seal certificate per agency, one
/// certificate per officer and a time-stamping authority — every name marked as a development key.
/// Stored as PKCS#12 files under <c>keys/dev</c> in the data folder, readable by the owner only, with a
/// random password per file. Production keys come from configuration instead (see docs).
/// </summary>
public static class DevelopmentPki
{
    public const string Marker = "DEVELOPMENT KEY - NOT FOR PRODUCTION";

    public static string RootFile => "root-ca.pfx";

    public static string TsaFile => "tsa.pfx";

    public static string SealFile(string agencyId) => $"seal-{agencyId}.pfx";

    public static string OfficerFile(string officerId) => $"officer-{officerId}.pfx";

    /// <summary>Creates whatever is missing in <paramref name="folder"/> (existing keys are kept).</summary>
    public static void EnsureCreated(string folder, IEnumerable<Agency> agencies, IEnumerable<Officer> officers, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // Both hosts start together on a first run: one creates the keys, the other waits and loads them.
        using var exclusive = Lock(folder);
        var passwords = LoadPasswords(folder);
        var root = LoadOrCreate(folder, RootFile, passwords, () => CreateRoot(now));
        LoadOrCreate(folder, TsaFile, passwords, () => CreateLeaf(root, $"CN=SmartKiosk Time-Stamping Authority, OU={Marker}, O=SmartKiosk, C=VN", now, timestamping: true)).Dispose();
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        foreach (var agency in names)
        {
            LoadOrCreate(folder, SealFile(agency.Key), passwords, () => CreateLeaf(root, Subject(agency.Value, agency.Value), now, timestamping: false)).Dispose();
        }
        foreach (var officer in officers)
        {
            LoadOrCreate(folder, OfficerFile(officer.Id), passwords,
                () => CreateLeaf(root, Subject(officer.FullName, names.GetValueOrDefault(officer.AgencyId, officer.AgencyId)), now, timestamping: false)).Dispose();
        }
        root.Dispose();
        SavePasswords(folder, passwords);
    }

    /// <summary>Loads one PKCS#12 file of the development PKI with its key.</summary>
    public static X509Certificate2 Load(string folder, string file)
    {
        var passwords = LoadPasswords(folder);
        return X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, file), passwords.GetValueOrDefault(file), X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>The root certificate without its key (to trust, or to check chains against).</summary>
    public static X509Certificate2 Root(string folder)
    {
        using var withKey = Load(folder, RootFile);
        return X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    private static string Subject(string commonName, string organisation) =>
        new X500DistinguishedNameBuilder().Apply(b =>
        {
            b.AddCountryOrRegion("VN");
            b.AddOrganizationName(organisation);
            b.AddOrganizationalUnitName(Marker);
            b.AddCommonName(commonName);
        }).Build().Name;

    private static X509Certificate2 CreateRoot(DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN=SmartKiosk Development Root CA, OU={Marker}, O=SmartKiosk, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 issuer, string subject, DateTimeOffset now, bool timestamping)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(timestamping
            // RFC 3161 §2.3: a TSA certificate has exactly this one extended key usage, marked critical.
            ? new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true)
            : new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4"), new Oid("1.3.6.1.4.1.311.10.3.12")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(issuer, now.AddDays(-1), now.AddYears(3), serial);
        return certificate.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 LoadOrCreate(string folder, string file, Dictionary<string, string> passwords, Func<X509Certificate2> create)
    {
        var path = Path.Combine(folder, file);
        if (File.Exists(path) && passwords.TryGetValue(file, out var existing))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, existing, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
        }
        var certificate = create();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        PrivateFile.Write(path, certificate.Export(X509ContentType.Pkcs12, password));
        passwords[file] = password;
        return certificate;
    }

    private static FileStream Lock(string folder)
    {
        var path = Path.Combine(folder, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static Dictionary<string, string> LoadPasswords(string folder)
    {
        var path = Path.Combine(folder, "passwords.json");
        return File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
    }

    private static void SavePasswords(string folder, Dictionary<string, string> passwords) =>
        PrivateFile.Write(Path.Combine(folder, "passwords.json"), JsonSerializer.SerializeToUtf8Bytes(passwords));

    private static X500DistinguishedNameBuilder Apply(this X500DistinguishedNameBuilder builder, Action<X500DistinguishedNameBuilder> build)
    {
        build(builder);
        return builder;
    }
}

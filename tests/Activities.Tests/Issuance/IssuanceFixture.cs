using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Signing;
using SmartKiosk.Activities.Issuance.Timestamps;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>
/// A development PKI generated for the test class in a throw-away folder (as on a first run), the
/// local time-stamping authority, and an NSS database that trusts the development root, so that
/// poppler's pdfsig can judge the chains independently of our code.
/// </summary>
public sealed class IssuanceFixture : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("smartkiosk-pki-").FullName;

    public IssuanceFixture()
    {
        Time = new FakeTimeProvider(IssuanceSamples.IssuedAt);
        DevelopmentPki.EnsureCreated(KeyFolder, SeedAgencies.Agencies, SeedAgencies.Officers, Time.GetUtcNow());
        Root = DevelopmentPki.Root(KeyFolder);
        Timestamps = new LocalTimestampAuthority(Key(DevelopmentPki.TsaFile), Time);
        Signer = new CopySigner(Timestamps, new CertificateCheck(Time, [Root]), Time);

        Directory.CreateDirectory(NssFolder);
        var rootFile = Path.Combine(folder, "root.cer");
        File.WriteAllBytes(rootFile, Root.RawData);
        CommandLine.Run("certutil", "-N", "-d", $"sql:{NssFolder}", "--empty-password");
        // Trusted as a CA for e-mail (S/MIME) signing: the usage pdfsig checks document signatures for.
        CommandLine.Run("certutil", "-A", "-d", $"sql:{NssFolder}", "-n", "smartkiosk-dev-root", "-t", "C,C,C", "-i", rootFile);
    }

    public FakeTimeProvider Time { get; }

    public string KeyFolder => Path.Combine(folder, "keys");

    public string NssFolder => Path.Combine(folder, "nss");

    public X509Certificate2 Root { get; }

    public ITimestampAuthority Timestamps { get; }

    public CopySigner Signer { get; }

    public CertificateSigningKey Key(string file) => new(DevelopmentPki.Load(KeyFolder, file), [Root]);

    public CertificateSigningKey OfficerKey(Officer officer) => Key(DevelopmentPki.OfficerFile(officer.Id));

    public CertificateSigningKey SealKey(Agency agency) => Key(DevelopmentPki.SealFile(agency.Id));

    public string WriteTemporary(byte[] content, string extension)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Issuance.Signing;

using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>
/// Issued copies judged by independent tools: poppler's pdfsig (both signatures, the chain through
/// NSS), qpdf, pdftotext, zbarimg, and OpenSSL for the CMS attributes — none of them our code.
/// </summary>
public sealed class IssuedCopyTests(IssuanceFixture fixture) : IClassFixture<IssuanceFixture>
{
    [Fact]
    public async Task Both_signatures_are_valid_and_trusted_for_pdfsig_and_the_file_is_clean_for_qpdf()
    {
        var path = fixture.WriteTemporary(await IssueAsync(seed: 1), ".pdf");

        var (qpdfExit, qpdf) = CommandLine.Run("qpdf", "--check", path);
        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.NssFolder}", path);

        Assert.True(qpdfExit == 0, qpdf);
        Assert.Equal(2, Count(pdfsig, "Signature Validation: Signature is Valid."));
        Assert.Equal(2, Count(pdfsig, "Certificate Validation: Certificate is Trusted."));
        Assert.Equal(2, Count(pdfsig, "Signature Type: ETSI.CAdES.detached"));
        Assert.Contains($"Signature Field Name: {CopyRenderer.OfficerField}", pdfsig, StringComparison.Ordinal);
        Assert.Contains($"Signature Field Name: {CopyRenderer.SealField}", pdfsig, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: Nguyễn Thị Lan", pdfsig, StringComparison.Ordinal);
        // The seal covers the whole file, the officer's signature the revision it signed.
        Assert.Equal(1, Count(pdfsig, "- Total document signed"));
    }

    [Fact]
    public async Task Each_signature_carries_signing_certificate_v2_and_a_time_stamp()
    {
        var path = fixture.WriteTemporary(await IssueAsync(seed: 2), ".pdf");
        var dump = Directory.CreateTempSubdirectory("smartkiosk-sig-").FullName;
        try
        {
            CommandLine.RunIn(dump, "pdfsig", "-dump", path);
            var signatures = Directory.GetFiles(dump).Order().ToList();
            Assert.Equal(2, signatures.Count);
            foreach (var signature in signatures)
            {
                var (_, cms) = CommandLine.Run("openssl", "cms", "-inform", "DER", "-in", signature, "-cmsout", "-print");
                Assert.Contains("id-smime-aa-signingCertificateV2", cms, StringComparison.Ordinal);
                Assert.Contains("id-smime-aa-timeStampToken", cms, StringComparison.Ordinal);
                // PAdES keeps the signing time in the signature dictionary, not among the signed attributes.
                var decoded = new System.Security.Cryptography.Pkcs.SignedCms();
                decoded.Decode(await File.ReadAllBytesAsync(signature));
                Assert.DoesNotContain(decoded.SignerInfos[0].SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>(), a => a.Oid.Value == "1.2.840.113549.1.9.5");
            }
        }
        finally
        {
            Directory.Delete(dump, recursive: true);
        }
    }

    [Fact]
    public async Task The_statement_reads_back_with_every_diacritic_and_the_qr_opens_the_verification_page()
    {
        var code = VerificationCode.New();
        var content = IssuanceSamples.IdCardCopy(seed: 3, code);
        var path = fixture.WriteTemporary(await IssueAsync(content), ".pdf");

        var (_, text) = CommandLine.Run("pdftotext", "-f", "3", "-l", "3", path, "-");
        var image = Path.ChangeExtension(path, null) + "-statement";
        CommandLine.Run("pdftoppm", "-r", "150", "-png", "-f", "3", "-l", "3", "-singlefile", path, image);
        var (_, qr, _) = CommandLine.RunSeparately("zbarimg", "--quiet", "--raw", image + ".png");

        Assert.Contains("Chứng thực bản sao đúng với bản chính.", text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Hoàn Kiếm", text, StringComparison.Ordinal);
        Assert.Contains("Lệ phí / Fee: 4.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Ngày 26 tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains(code.Formatted, text, StringComparison.Ordinal);
        Assert.Equal(content.VerificationUrl, qr.Trim());
    }

    [Fact]
    public async Task A_byte_flipped_in_the_signed_part_breaks_the_signature_for_pdfsig()
    {
        var signed = await IssueAsync(seed: 4);
        signed[signed.Length / 3] ^= 0x01;
        var path = fixture.WriteTemporary(signed, ".pdf");

        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.NssFolder}", path);

        Assert.Equal(0, Count(pdfsig, "Signature Validation: Signature is Valid."));
    }

    [Fact]
    public void An_expired_certificate_is_refused_before_it_signs()
    {
        using var officer = fixture.OfficerKey(SeedAgencies.HoanKiemOfficer);
        var late = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(officer.Certificate.NotAfter.ToUniversalTime().AddDays(1));
        var check = new CertificateCheck(late, [fixture.Root]);

        var refused = Assert.Throws<CertificateNotUsableException>(() => check.EnsureUsable(officer));
        Assert.Contains("not valid now", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_from_another_root_is_refused()
    {
        using var officer = fixture.OfficerKey(SeedAgencies.HoanKiemOfficer);
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var otherRoot = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Someone else", stranger,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(fixture.Time.GetUtcNow().AddDays(-1), fixture.Time.GetUtcNow().AddYears(1));

        var refused = Assert.Throws<CertificateNotUsableException>(() => new CertificateCheck(fixture.Time, [otherRoot]).EnsureUsable(officer));
        Assert.Contains("does not chain", refused.Message, StringComparison.Ordinal);
    }

    private Task<byte[]> IssueAsync(int seed) => IssueAsync(IssuanceSamples.IdCardCopy(seed));

    private async Task<byte[]> IssueAsync(CertifiedCopyContent content)
    {
        var unsigned = CopyRenderer.Render(content, StatementTemplate.Default);
        using var officer = fixture.OfficerKey(content.Officer);
        using var seal = fixture.SealKey(content.Agency);
        return await fixture.Signer.SignAsync(unsigned, content.Officer, officer, content.Agency, seal, CancellationToken.None);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}

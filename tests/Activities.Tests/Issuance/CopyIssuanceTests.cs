using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Activities.Issuance.Verification;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>
/// Issuing on the embedded default (SQLite, local encrypted blobs, development PKI generated on first
/// use) and verifying what comes back — the copy itself, and every way of tampering with it.
/// </summary>
public sealed class CopyIssuanceTests : IAsyncLifetime, IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("smartkiosk-issuance-").FullName;
    private readonly ServiceProvider services;

    public CopyIssuanceTests()
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(IssuanceSamples.IssuedAt))
            .Configure<DataFolderOptions>(o => o.Path = data)
            .Configure<PersistenceOptions>(o =>
            {
                o.Provider = DatabaseProvider.Sqlite;
                o.ConnectionString = $"Data Source={Path.Combine(data, "issuance.db")}";
            })
            // One development PKI for the whole run: generating a 3072-bit root per test would dominate.
            .Configure<Activities.Issuance.Keys.SigningOptions>(o => o.DevelopmentKeyFolder = SharedDevelopmentPki.Folder)
            .AddSingleton<BlobKeyRing>()
            .AddSingleton<IBlobStore, LocalEncryptedBlobStore>()
            .AddIssuance()
            .BuildServiceProvider();
    }

    private CopyVerifier Verifier => services.GetRequiredService<CopyVerifier>();

    public Task InitializeAsync() =>
        services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, CancellationToken.None);

    [Fact]
    public async Task An_issued_copy_is_stored_by_its_hash_and_verifies_by_code_and_by_file()
    {
        var (copy, pdf) = await IssueAsync("dossier-1");

        var byCode = await Verifier.ByCodeAsync(copy.VerificationCode.ToLowerInvariant(), CancellationToken.None);
        var byFile = await Verifier.ByPdfAsync(pdf, CancellationToken.None);

        Assert.Equal(64, copy.Sha256.Length);
        Assert.Equal(CopyStatus.Valid, byCode.Status);
        Assert.Equal(("1/2026", "01/2026-SCTĐT/BS", "cccd-2021-front"), (byCode.CertificationNumber, byCode.Book, byCode.DocumentType));
        Assert.Equal(SeedAgencies.HoanKiem.Name, byCode.Agency);
        Assert.Equal(SeedAgencies.HoanKiemOfficer.FullName, byCode.Officer);
        Assert.True(byFile.Authentic, string.Join(", ", byFile.Findings));
        Assert.True(byFile.ByteIdentical);
        Assert.Equal(2, byFile.Signatures.Count);
        Assert.All(byFile.Signatures, s => Assert.True(s.Valid && s.Trusted && s.TimestampedAt is not null));
    }

    [Fact]
    public async Task A_second_copy_of_one_original_keeps_the_number_with_its_own_code()
    {
        var (first, _) = await IssueAsync("dossier-2");
        var (second, _) = await IssueAsync("dossier-2");

        Assert.Equal(first.NumberLabel, second.NumberLabel);
        Assert.NotEqual(first.VerificationCode, second.VerificationCode);
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task One_flipped_byte_breaks_the_signatures()
    {
        var (_, pdf) = await IssueAsync("dossier-3");
        pdf[pdf.Length / 2] ^= 0x20;

        var result = await Verifier.ByPdfAsync(pdf, CancellationToken.None);

        Assert.False(result.Authentic);
        Assert.Contains(PdfFindings.NotIssuedHere, result.Findings);
        Assert.Contains(PdfFindings.SignatureBroken, result.Findings);
    }

    [Fact]
    public async Task Content_added_after_signing_is_named_with_the_copy_it_was_made_from()
    {
        var (copy, pdf) = await IssueAsync("dossier-4");
        var extended = pdf.Concat("\n% a later revision: an annotation or a page added after the seal\n"u8.ToArray()).ToArray();

        var result = await Verifier.ByPdfAsync(extended, CancellationToken.None);

        Assert.False(result.Authentic);
        Assert.Equal([PdfFindings.NotIssuedHere, PdfFindings.ChangedAfterSigning], result.Findings);
        Assert.Equal(copy.NumberLabel, result.Copy.CertificationNumber);
    }

    [Fact]
    public async Task A_page_appended_by_a_pdf_tool_is_not_the_issued_copy()
    {
        var (_, pdf) = await IssueAsync("dossier-5");
        var signed = Temporary(pdf);
        var appended = Path.ChangeExtension(signed, ".appended.pdf");
        CommandLine.Run("qpdf", signed, "--pages", signed, "1-z", signed, "1", "--", appended);

        var result = await Verifier.ByPdfAsync(await File.ReadAllBytesAsync(appended), CancellationToken.None);

        Assert.False(result.Authentic);
        Assert.False(result.ByteIdentical);
        Assert.Contains(PdfFindings.NotIssuedHere, result.Findings);
        Assert.NotEmpty(result.Findings.Intersect([PdfFindings.SignatureBroken, PdfFindings.SignatureMissing, PdfFindings.NotASignedPdf]));
    }

    [Fact]
    public async Task A_re_saved_pdf_is_not_the_issued_copy()
    {
        var (_, pdf) = await IssueAsync("dossier-6");
        var signed = Temporary(pdf);
        var resaved = Path.ChangeExtension(signed, ".resaved.pdf");
        CommandLine.Run("qpdf", signed, resaved);

        var result = await Verifier.ByPdfAsync(await File.ReadAllBytesAsync(resaved), CancellationToken.None);

        Assert.False(result.Authentic);
        Assert.Contains(PdfFindings.NotIssuedHere, result.Findings);
    }

    [Fact]
    public async Task A_copy_with_its_seal_stripped_is_missing_a_signature()
    {
        var (_, pdf) = await IssueAsync("dossier-7");
        var officerRevision = PdfSignatureVerifier.Check(pdf, services.GetRequiredService<Activities.Issuance.Keys.SigningKeyStore>().TrustedRoots)
            .Min(s => s.SignedLength);

        var result = await Verifier.ByPdfAsync(pdf[..(int)officerRevision], CancellationToken.None);

        Assert.False(result.Authentic);
        Assert.Contains(PdfFindings.SignatureMissing, result.Findings);
        Assert.Single(result.Signatures, s => s.Valid);
    }

    [Fact]
    public async Task A_revoked_copy_says_so_by_code_and_by_file()
    {
        var (copy, pdf) = await IssueAsync("dossier-8");
        Assert.Equal(Revocation.Revoked, await Verifier.RevokeAsync(copy.CopyId, "issued on a forged original", CancellationToken.None));
        Assert.Equal(Revocation.AlreadyRevoked, await Verifier.RevokeAsync(copy.CopyId, "again", CancellationToken.None));

        var byCode = await Verifier.ByCodeAsync(copy.VerificationCode, CancellationToken.None);
        var byFile = await Verifier.ByPdfAsync(pdf, CancellationToken.None);

        Assert.Equal(CopyStatus.Revoked, byCode.Status);
        Assert.Equal("issued on a forged original", byCode.RevocationReason);
        Assert.False(byFile.Authentic);
        Assert.Equal([PdfFindings.Revoked], byFile.Findings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-code")]
    [InlineData("K7PM-3QXD-9FWA-2HTN-RC")]
    [InlineData("'; DROP TABLE \"CertifiedCopies\"; --")]
    public async Task Unknown_and_malformed_codes_are_simply_unknown(string? code) =>
        Assert.Equal(PublicCopyStatus.Unknown, await Verifier.ByCodeAsync(code, CancellationToken.None));

    [Fact]
    public async Task A_failed_signing_voids_the_number_it_took()
    {
        var request = Request("dossier-9") with { Pages = [new Activities.Issuance.Rendering.ScannedPage("not an image"u8.ToArray(), 85.6, 54)] };

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<CopyIssuer>().IssueAsync(request, CancellationToken.None));
        var (retry, _) = await IssueAsync("dossier-9");

        Assert.Equal("2/2026", retry.NumberLabel);
    }

    [Fact]
    public async Task An_officer_added_after_the_first_run_signs_with_a_certificate_in_their_own_name()
    {
        // A unique id: the development PKI folder is shared by the whole run.
        var newcomer = new Officer($"hk-new-{Guid.NewGuid():N}", SeedAgencies.HoanKiem.Id, "Lê Thị Hồng Nhung", "Công chức Tư pháp - Hộ tịch");
        await services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync([], [newcomer], CancellationToken.None);

        var copy = await services.GetRequiredService<CopyIssuer>().IssueAsync(Request("dossier-10") with { OfficerId = newcomer.Id }, CancellationToken.None);
        var result = await Verifier.ByPdfAsync(await services.GetRequiredService<IBlobStore>().ReadAsync(copy.Sha256, CancellationToken.None), CancellationToken.None);

        Assert.True(result.Authentic, string.Join(", ", result.Findings));
        Assert.Contains(newcomer.FullName, result.Signatures[0].Signer, StringComparison.Ordinal);
        Assert.Contains(SeedAgencies.HoanKiem.Name, result.Signatures[1].Signer, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(SharedDevelopmentPki.Folder, Activities.Issuance.Keys.DevelopmentPki.OfficerFile(newcomer.Id))));
    }

    private async Task<(IssuedCopy Copy, byte[] Pdf)> IssueAsync(string original)
    {
        var copy = await services.GetRequiredService<CopyIssuer>().IssueAsync(Request(original), CancellationToken.None);
        return (copy, await services.GetRequiredService<IBlobStore>().ReadAsync(copy.Sha256, CancellationToken.None));
    }

    private static IssueRequest Request(string original)
    {
        var (front, back) = new DocumentGenerator(original.GetHashCode(StringComparison.Ordinal) & 0xFFFF).IdCard(canCuoc2024: false, CaptureKind.Scan);
        return new IssueRequest(SeedAgencies.HoanKiem.Id, SeedAgencies.HoanKiemOfficer.Id, original, "cccd-2021-front",
            new LocalizedText("Căn cước công dân", "Citizen identity card"),
            [new(front.Image, 85.6, 54), new(back.Image, 85.6, 54)], 4_000);
    }

    private string Temporary(byte[] content)
    {
        var path = Path.Combine(data, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}

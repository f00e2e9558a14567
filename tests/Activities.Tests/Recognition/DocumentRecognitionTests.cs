using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Activities.Tests.Recognition;

/// <summary>End to end on generated originals: the values read must equal what was printed.</summary>
public sealed class DocumentRecognitionTests(RecognitionFixture fixture) : IClassFixture<RecognitionFixture>
{
    [Fact]
    public async Task A_scanned_2021_card_front_is_classified_and_its_fields_read_and_confirmed_by_its_QR()
    {
        var card = RecognitionFixture.Generator(1).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan);

        var result = await fixture.RecogniseAsync(card.Image);

        Assert.Equal(RecognitionStatus.Recognised, result.Status);
        Assert.Equal("cccd-2021-front", result.DocumentType);
        foreach (var key in new[] { "idNumber", "fullName", "dateOfBirth", "sex", "issueDate" })
        {
            Assert.Equal(card.Fields[key], result.Field(key)?.Value);
        }

        Assert.Contains("qr", result.Field("idNumber")!.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.SourcesDisagree);
    }

    [Fact]
    public async Task A_photographed_2024_card_back_yields_the_QR_identity_and_an_MRZ_whose_check_digits_hold()
    {
        var (_, back) = RecognitionFixture.Generator(2).IdCard(canCuoc2024: true, CaptureKind.Photo);

        var result = await fixture.RecogniseAsync(back.Image);

        Assert.True(result.DocumentType == "can-cuoc-2024-back", Describe(result));
        Assert.Equal(back.Fields["idNumber"], result.Field("idNumber")?.Value);
        Assert.Equal(back.Fields["dateOfBirth"], result.Field("dateOfBirth")?.Value);
        Assert.Equal(back.Fields["mrzLine1"], result.Field("mrzLine1")?.Value);
        Assert.Equal(back.Fields["mrzLine2"], result.Field("mrzLine2")?.Value);
        Assert.DoesNotContain(result.Findings, f => f.Code is FindingCodes.MrzCheckFailed or FindingCodes.MrzNotFound);
    }

    [Fact]
    public async Task A_birth_certificate_is_read_field_by_field_with_diacritics()
    {
        var certificate = RecognitionFixture.Generator(3).Generate(DocumentKind.BirthCertificate, CaptureKind.Scan);

        var result = await fixture.RecogniseAsync(certificate.Image);

        Assert.True(result.DocumentType == "birth-certificate", Describe(result));
        Assert.True(result.Field("fullName") is not null, Describe(result));
        foreach (var key in new[] { "fullName", "dateOfBirth", "sex", "motherName", "registrationDate" })
        {
            Assert.Equal(certificate.Fields[key], result.Field(key)?.Value);
        }
    }

    [Fact]
    public async Task A_declared_type_that_the_document_does_not_match_is_a_finding_and_the_real_type_is_used()
    {
        var certificate = RecognitionFixture.Generator(4).Generate(DocumentKind.BirthCertificate, CaptureKind.Scan);

        var result = await fixture.RecogniseAsync(certificate.Image, declaredType: "university-diploma");

        Assert.Equal("birth-certificate", result.DocumentType);
        Assert.Equal("university-diploma", result.DeclaredType);
        var mismatch = Assert.Single(result.Findings, f => f.Code == FindingCodes.DocumentTypeMismatch);
        Assert.Contains("Giấy khai sinh", mismatch.Message.Vi, StringComparison.Ordinal);
        Assert.Contains("Birth certificate", mismatch.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QualityDefect.HeavyBlur, "too-blurred")]
    [InlineData(QualityDefect.CutOff, "not-fully-in-frame")]
    [InlineData(QualityDefect.LowResolution, "resolution-too-low")]
    [InlineData(QualityDefect.Dark, "too-dark")]
    public async Task A_bad_capture_asks_for_a_rescan_with_a_reason_the_kiosk_can_show(QualityDefect defect, string reason)
    {
        var photo = RecognitionFixture.Generator(5).Generate(DocumentKind.Cccd2021Front, CaptureKind.Photo, new GenerationOptions(Defect: defect));

        var result = await fixture.RecogniseAsync(photo.Image);

        Assert.Equal(RecognitionStatus.NeedsRescan, result.Status);
        Assert.Contains(result.PageQuality.SelectMany(q => q.Issues), i => i.Code == reason);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message.Vi)));
    }

    [Theory]
    [InlineData(DocumentKind.BirthCertificate)]
    [InlineData(DocumentKind.UniversityDiploma)]
    public async Task A_secret_stamp_in_red_ink_is_raised_for_the_officer(DocumentKind kind)
    {
        var stamped = RecognitionFixture.Generator(20).Generate(kind, CaptureKind.Scan, new GenerationOptions(SecretStamp: true));

        var result = await fixture.RecogniseAsync(stamped.Image);

        Assert.True(result.Findings.Any(f => f.Code == FindingCodes.SecretStamp && f.Severity == FindingSeverity.Review), Describe(result));
    }

    [Fact]
    public async Task A_document_without_red_marks_raises_no_red_flag()
    {
        var clean = RecognitionFixture.Generator(21).Generate(DocumentKind.BirthCertificate, CaptureKind.Scan);

        var result = await fixture.RecogniseAsync(clean.Image);

        Assert.DoesNotContain(result.Findings, f => f.Code is FindingCodes.SecretStamp or FindingCodes.NoCopyMark or FindingCodes.HouseholdBook);
    }

    [Fact]
    public async Task A_no_copy_mark_is_raised_for_the_officer()
    {
        var marked = RecognitionFixture.Generator(22).Generate(DocumentKind.HighSchoolDiploma, CaptureKind.Scan, new GenerationOptions(NoCopyMark: true));

        var result = await fixture.RecogniseAsync(marked.Image);

        Assert.True(result.Findings.Any(f => f.Code == FindingCodes.NoCopyMark), Describe(result));
    }

    [Fact]
    public async Task A_household_registration_book_is_recognised_as_void()
    {
        var book = RecognitionFixture.Generator(7).Generate(DocumentKind.BirthCertificate, CaptureKind.Scan, new GenerationOptions(HouseholdBook: true));

        var result = await fixture.RecogniseAsync(book.Image);

        Assert.Contains(result.Findings, f => f.Code == FindingCodes.HouseholdBook && f.Severity == FindingSeverity.Invalid);
    }

    [Fact]
    public async Task An_expired_card_is_flagged_with_its_expiry_date()
    {
        var card = RecognitionFixture.Generator(8).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan, new GenerationOptions(Expired: true));

        var result = await fixture.RecogniseAsync(card.Image);

        var expired = Assert.Single(result.Findings, f => f.Code == FindingCodes.IdCardExpired);
        Assert.Contains(card.Fields["expiryDate"], expired.Message.Vi, StringComparison.Ordinal);
    }

    private static string Describe(RecognitionResult result) =>
        $"{result.Status} {result.DocumentType}; quality: {string.Join(", ", result.PageQuality.Select(q => $"sharpness {q.Sharpness}, glare {q.GlareShare:F3}, brightness {q.Brightness:F0}, side {q.DocumentLongSide} [{string.Join(' ', q.Issues.Select(i => i.Code))}]"))}; findings: {string.Join("; ", result.Findings.Select(f => f.Code + ":" + f.Field))}\n{result.Text}";
}

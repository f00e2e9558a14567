using System.Diagnostics;
using System.Globalization;
using SmartKiosk.Samples.SyntheticDocuments.Codes;
using SmartKiosk.Samples.SyntheticDocuments.Documents;
using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments.Tests;

public sealed class SyntheticDocumentsTests(GeneratorFixture fixture) : IClassFixture<GeneratorFixture>
{
    [Fact]
    public void Same_seed_gives_identical_bytes_and_a_different_seed_does_not()
    {
        static IReadOnlyList<GeneratedDocument> Make(int seed)
        {
            var generator = new DocumentGenerator(seed);
            return
            [
                generator.Generate(DocumentKind.CanCuoc2024Back, CaptureKind.Photo),
                generator.Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan, new GenerationOptions(SecretStamp: true)),
            ];
        }

        var first = Make(42);
        var again = Make(42);
        var other = Make(43);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Id, again[i].Id);
            Assert.Equal(first[i].Image, again[i].Image);
            Assert.Equal(first[i].Fields, again[i].Fields);
            Assert.Equal(first[i].Effects.DocumentCorners, again[i].Effects.DocumentCorners);
            Assert.NotEqual(first[i].Image, other[i].Image);
            Assert.NotEqual(first[i].Fields["idNumber"], other[i].Fields["idNumber"]);
        }

        Assert.StartsWith("s42-0000-can-cuoc-2024-back", first[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Icao_rule_and_builder_reproduce_the_reference_example()
    {
        Assert.Equal(0, IcaoRule.CheckDigit("090012345"));
        Assert.Equal(8, IcaoRule.CheckDigit("900115"));
        var mrz = MrzBuilder.Build("001090012345", new PersonName("Nguyễn", "Văn", "A"), Sex.Male, new DateOnly(1990, 1, 15), new DateOnly(2030, 1, 15));
        Assert.Equal("IDVNM0900123450001090012345<<1", mrz.Line1);
        Assert.Equal("9001158M3001156VNM<<<<<<<<<<<8", mrz.Line2);
        Assert.Equal("NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<", mrz.Line3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mrz_check_digits_recomputed_independently_match_the_printed_ones(bool canCuoc2024)
    {
        var back = canCuoc2024 ? fixture.CanCuoc2024.Back : fixture.Cccd2021.Back;
        var front = canCuoc2024 ? fixture.CanCuoc2024.Front : fixture.Cccd2021.Front;
        var (l1, l2, l3) = (back.Fields["mrzLine1"], back.Fields["mrzLine2"], back.Fields["mrzLine3"]);
        Assert.All(new[] { l1, l2, l3 }, line => Assert.Equal(30, line.Length));
        Assert.All(new[] { l1, l2, l3 }, line => Assert.Matches("^[A-Z0-9<]{30}$", line));

        Assert.Equal("IDVNM", l1[..5]);
        Assert.Equal(IcaoRule.CheckDigit(IcaoRule.Slice(l1, 6, 14)), IcaoRule.Digit(l1, 15));
        Assert.Equal(back.Fields["idNumber"], IcaoRule.Slice(l1, 16, 27));
        Assert.Equal(back.Fields["idNumber"][3..], IcaoRule.Slice(l1, 6, 14));
        Assert.Equal(IcaoRule.CheckDigit(IcaoRule.Slice(l1, 16, 27)), IcaoRule.Digit(l1, 30));

        Assert.Equal(IcaoRule.CheckDigit(IcaoRule.Slice(l2, 1, 6)), IcaoRule.Digit(l2, 7));
        Assert.Equal(IcaoRule.CheckDigit(IcaoRule.Slice(l2, 9, 14)), IcaoRule.Digit(l2, 15));
        var composite = IcaoRule.Slice(l1, 6, 30) + IcaoRule.Slice(l2, 1, 7) + IcaoRule.Slice(l2, 9, 15) + IcaoRule.Slice(l2, 19, 29);
        Assert.Equal(IcaoRule.CheckDigit(composite), IcaoRule.Digit(l2, 30));
        Assert.Equal("VNM", IcaoRule.Slice(l2, 16, 18));

        var dob = DateOnly.ParseExact(back.Fields["dateOfBirth"], "dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(dob.ToString("yyMMdd", CultureInfo.InvariantCulture), IcaoRule.Slice(l2, 1, 6));
        Assert.Equal(back.Fields["sex"] == "Nam" ? 'M' : 'F', l2[7]);
        var expiry = DateOnly.ParseExact(back.Fields["expiryDate"], "dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(expiry.ToString("yyMMdd", CultureInfo.InvariantCulture), IcaoRule.Slice(l2, 9, 14));

        // Front and back describe the same person.
        Assert.Equal(front.Fields["idNumber"], back.Fields["idNumber"]);
        Assert.Equal(front.Fields["dateOfBirth"], back.Fields["dateOfBirth"]);
        var surname = front.Fields["fullName"].Split(' ')[0];
        Assert.StartsWith(VietnameseText.RemoveDiacritics(surname) + "<<", l3, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cccd-2021-front")]
    [InlineData("can-cuoc-2024-back")]
    [InlineData("land-use-certificate")]
    public void Qr_code_decodes_back_to_the_fields(string documentType)
    {
        var document = documentType switch
        {
            "cccd-2021-front" => fixture.Cccd2021.Front,
            "can-cuoc-2024-back" => fixture.CanCuoc2024.Back,
            _ => new DocumentGenerator(5).Generate(DocumentKind.LandUseCertificate, CaptureKind.Scan),
        };
        var decoded = Zbar(document.Image);
        Assert.Equal(document.Fields["qrPayload"], decoded);

        var parts = decoded.Split('|');
        var fields = document.Fields;
        if (documentType == "land-use-certificate")
        {
            Assert.Equal([fields["serialNumber"], fields["ownerIdNumber"], fields["parcelNumber"], fields["mapSheetNumber"]], parts);
            Assert.Matches("^[A-Z]{2}[0-9]{8}$", fields["serialNumber"]);
            return;
        }

        Assert.Equal(7, parts.Length);
        Assert.Equal(fields["idNumber"], parts[0]);
        Assert.True(parts[1].Length is 0 or 9);
        Assert.Equal(fields["fullName"], VietnameseText.Upper(parts[2]));
        Assert.Equal(fields["dateOfBirth"].Replace("/", string.Empty, StringComparison.Ordinal), parts[3]);
        Assert.Equal(fields["sex"], parts[4]);
        Assert.Equal(fields["issueDate"].Replace("/", string.Empty, StringComparison.Ordinal), parts[6]);
        if (fields.TryGetValue("placeOfResidence", out var residence))
        {
            Assert.Equal(residence, parts[5]);
        }
    }

    [Fact]
    public void Id_number_encodes_century_sex_and_birth_year_and_expiry_follows_renewal_ages()
    {
        var random = new Random(99);
        for (var i = 0; i < 300; i++)
        {
            var card = CardDataFactory.Create(random, canCuoc2024: i % 2 == 0, expired: i % 5 == 0);
            AssertIdConsistent(card.Holder.IdNumber, VietnameseText.Date(card.Holder.DateOfBirth), card.Holder.Sex.Label());
            Assert.Equal(i % 5 == 0, card.IsExpired);
            var age = card.ExpiryDate!.Value.Year - card.Holder.DateOfBirth.Year;
            Assert.True(age is 25 or 40 or 60, $"expiry at age {age}");
            Assert.Equal(card.Holder.DateOfBirth.Month, card.ExpiryDate.Value.Month);
            Assert.True(card.ExpiryDate > card.IssueDate);
            Assert.InRange(card.IssueDate.Year, 2021, 2025);
        }

        foreach (var document in new[] { fixture.Cccd2021.Front, fixture.CanCuoc2024.Front })
        {
            AssertIdConsistent(document.Fields["idNumber"], document.Fields["dateOfBirth"], document.Fields["sex"]);
        }
    }

    [Fact]
    public void Corpus_round_robins_over_kinds_and_every_field_is_filled()
    {
        var corpus = fixture.Corpus;
        Assert.Equal(Enum.GetValues<DocumentKind>(), corpus.Select(d => d.Kind).ToArray());
        Assert.Equal(corpus.Count, corpus.Select(d => d.Id).Distinct().Count());
        var all = corpus.Concat([fixture.Cccd2021.Front, fixture.Cccd2021.Back, fixture.CanCuoc2024.Front, fixture.CanCuoc2024.Back, fixture.Household]);
        foreach (var document in all)
        {
            Assert.NotEmpty(document.Fields);
            foreach (var (key, value) in document.Fields)
            {
                if (key.StartsWith("mrz", StringComparison.Ordinal) || key == "qrPayload")
                {
                    continue;
                }

                Assert.False(string.IsNullOrWhiteSpace(value), $"{document.Id}: field {key} is empty");
                Assert.Equal(value.Normalize(System.Text.NormalizationForm.FormC), value);
            }

            foreach (var key in document.Fields.Keys.Where(k => k.Contains("date", StringComparison.OrdinalIgnoreCase) && k != "expiryDate" || k == "dateOfBirth"))
            {
                Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", document.Fields[key]);
            }
        }

        Assert.Equal("household-book", fixture.Household.DocumentType);
        Assert.Contains(RedFlags.HouseholdBook, fixture.Household.RedFlags);
        Assert.Contains(corpus, d => d.Capture == CaptureKind.Photo);
        Assert.Contains(corpus, d => d.Capture == CaptureKind.Scan);
    }

    [Fact]
    public void Scans_are_png_and_photos_are_jpeg_larger_than_the_card()
    {
        foreach (var document in fixture.Corpus)
        {
            using var bitmap = ImageMetrics.Decode(document.Image);
            Assert.Equal(document.Effects.Width, bitmap.Width);
            Assert.Equal(document.Effects.Height, bitmap.Height);
            if (document.Capture == CaptureKind.Photo)
            {
                Assert.Equal("image/jpeg", document.MediaType);
                Assert.Equal([0xFF, 0xD8], document.Image[..2]);
                Assert.NotNull(document.Effects.JpegQuality);
                Assert.True(document.Effects.Perspective);
                var minimum = document.Kind <= DocumentKind.CanCuoc2024Back ? (1011, 638) : (1654, 1654);
                Assert.True(bitmap.Width > minimum.Item1 && bitmap.Height > minimum.Item2, $"{document.Id} is {bitmap.Width}x{bitmap.Height}");
                Assert.InRange(document.Effects.BlurSigma, 0.3, 1.0);
            }
            else
            {
                Assert.Equal("image/png", document.MediaType);
                Assert.Equal([0x89, 0x50, 0x4E, 0x47], document.Image[..4]);
                Assert.InRange(Math.Abs(document.Effects.SkewDegrees), 0, 1.5);
            }
        }
    }

    [Fact]
    public void Red_flag_options_are_reported()
    {
        var document = new DocumentGenerator(8).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan,
            new GenerationOptions(Expired: true, SecretStamp: true, NoCopyMark: true));
        Assert.Equal([RedFlags.SecretStamp, RedFlags.NoCopyMark, RedFlags.Expired], document.RedFlags);
        var expiry = DateOnly.ParseExact(document.Fields["expiryDate"], "dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.True(expiry < IdCardValidity.ReferenceDate);
    }

    [Fact]
    public void Each_quality_defect_produces_a_measurably_worse_capture()
    {
        GeneratedDocument Capture(QualityDefect defect) =>
            new DocumentGenerator(77).Generate(DocumentKind.Cccd2021Front, CaptureKind.Photo, new GenerationOptions(Defect: defect));

        var clean = Capture(QualityDefect.None);
        using var cleanBitmap = ImageMetrics.Decode(clean.Image);

        var blurred = Capture(QualityDefect.HeavyBlur);
        using (var bitmap = ImageMetrics.Decode(blurred.Image))
        {
            Assert.True(blurred.Effects.BlurSigma >= 4);
            Assert.True(ImageMetrics.LaplacianVariance(bitmap) < ImageMetrics.LaplacianVariance(cleanBitmap) * 0.5);
        }

        var glare = Capture(QualityDefect.Glare);
        using (var bitmap = ImageMetrics.Decode(glare.Image))
        {
            var documentArea = ImageMetrics.QuadArea(glare.Effects.DocumentCorners);
            Assert.True(ImageMetrics.SaturatedPixels(bitmap) >= documentArea * 0.10, "glare covers less than 10% of the document");
            Assert.True(ImageMetrics.SaturatedPixels(cleanBitmap) < ImageMetrics.QuadArea(clean.Effects.DocumentCorners) * 0.05);
        }

        var cut = Capture(QualityDefect.CutOff);
        var corners = cut.Effects.DocumentCorners;
        var outside = Enumerable.Range(0, 4).Count(i =>
            corners[2 * i] < 0 || corners[2 * i] > cut.Effects.Width || corners[(2 * i) + 1] < 0 || corners[(2 * i) + 1] > cut.Effects.Height);
        Assert.InRange(outside, 1, 3);
        Assert.All(Enumerable.Range(0, 4), i => Assert.InRange(clean.Effects.DocumentCorners[2 * i], 0, clean.Effects.Width));

        var small = Capture(QualityDefect.LowResolution);
        var xs = Enumerable.Range(0, 4).Select(i => small.Effects.DocumentCorners[2 * i]).ToArray();
        Assert.True(xs.Max() - xs.Min() <= 400, $"card is {xs.Max() - xs.Min()} px wide");
        using (var bitmap = ImageMetrics.Decode(small.Image))
        {
            Assert.True(bitmap.Width < cleanBitmap.Width / 2);
        }

        var dark = Capture(QualityDefect.Dark);
        using (var bitmap = ImageMetrics.Decode(dark.Image))
        {
            Assert.True(ImageMetrics.MeanLuma(bitmap) < ImageMetrics.MeanLuma(cleanBitmap) * 0.4);
        }

        Assert.Equal(clean.Fields, dark.Fields);
    }

    private static void AssertIdConsistent(string idNumber, string dateOfBirth, string sex)
    {
        Assert.Matches("^[0-9]{12}$", idNumber);
        var dob = DateOnly.ParseExact(dateOfBirth, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        var expectedG = ((dob.Year / 100) - 19) * 2 + (sex == "Nữ" ? 1 : 0);
        Assert.Equal(expectedG, idNumber[3] - '0');
        Assert.Equal((dob.Year % 100).ToString("D2", CultureInfo.InvariantCulture), idNumber.Substring(4, 2));
        Assert.Contains(Places.Provinces, p => p.Code == idNumber[..3]);
    }

    private static string Zbar(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"synthetic-qr-{Environment.ProcessId}-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            }) ?? throw new InvalidOperationException("zbarimg did not start (install zbar-tools).");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"zbarimg exit {process.ExitCode}: {process.StandardError.ReadToEnd()}");
            return output.TrimEnd('\n', '\r');
        }
        finally
        {
            File.Delete(path);
        }
    }
}

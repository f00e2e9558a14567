using SmartKiosk.Samples.SyntheticDocuments.Capture;
using SmartKiosk.Samples.SyntheticDocuments.Documents;
using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>
/// Deterministic generator of synthetic Vietnamese document images with ground truth. The same seed and the
/// same sequence of calls always produce byte-identical images: every document draws its own Random from the
/// generator's seeded stream, and nothing reads the clock.
/// </summary>
public sealed class DocumentGenerator
{
    private static readonly DocumentKind[] AllKinds = Enum.GetValues<DocumentKind>();

    private readonly Random random;
    private int sequence;

    public DocumentGenerator(int seed)
    {
        Seed = seed;
        random = new Random(seed);
    }

    public int Seed { get; }

    /// <summary>The day the generated documents are "as of" (issue and expiry dates are relative to it): judge expiry on this day.</summary>
    public static DateTimeOffset ReferenceDate { get; } = new(People.IdCardValidity.ReferenceDate.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));

    public GeneratedDocument Generate(DocumentKind kind, CaptureKind capture, GenerationOptions? options = null)
    {
        options ??= GenerationOptions.Default;
        var documentSeed = random.Next();
        var content = new Random(documentSeed);
        RenderedPage page;
        if (options.HouseholdBook)
        {
            page = HouseholdBookRenderer.Render(content);
        }
        else
        {
            page = kind switch
            {
                DocumentKind.Cccd2021Front => Cccd2021FrontRenderer.Render(CardDataFactory.Create(content, canCuoc2024: false, options.Expired) with { PortraitPhoto = options.PortraitPhoto }),
                DocumentKind.Cccd2021Back => Cccd2021BackRenderer.Render(CardDataFactory.Create(content, canCuoc2024: false, options.Expired)),
                DocumentKind.CanCuoc2024Front => CanCuoc2024FrontRenderer.Render(CardDataFactory.Create(content, canCuoc2024: true, options.Expired) with { PortraitPhoto = options.PortraitPhoto }),
                DocumentKind.CanCuoc2024Back => CanCuoc2024BackRenderer.Render(CardDataFactory.Create(content, canCuoc2024: true, options.Expired)),
                DocumentKind.BirthCertificate => BirthCertificateRenderer.Render(content),
                DocumentKind.UniversityDiploma => UniversityDiplomaRenderer.Render(content),
                DocumentKind.HighSchoolDiploma => HighSchoolDiplomaRenderer.Render(content),
                DocumentKind.LandUseCertificate => LandUseCertificateRenderer.Render(content),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
        }

        return Finish(kind, capture, page, options, documentSeed);
    }

    /// <summary>
    /// Front and back of one card for one person, with consistent data. <see cref="GenerationOptions.HouseholdBook"/>
    /// does not apply to a card pair and is ignored.
    /// </summary>
    public (GeneratedDocument Front, GeneratedDocument Back) IdCard(bool canCuoc2024, CaptureKind capture, GenerationOptions? options = null)
    {
        options ??= GenerationOptions.Default;
        var frontSeed = random.Next();
        var backSeed = random.Next();
        var card = CardDataFactory.Create(new Random(frontSeed), canCuoc2024, options.Expired) with { PortraitPhoto = options.PortraitPhoto };
        var (frontPage, backPage, frontKind, backKind) = canCuoc2024
            ? (CanCuoc2024FrontRenderer.Render(card), CanCuoc2024BackRenderer.Render(card), DocumentKind.CanCuoc2024Front, DocumentKind.CanCuoc2024Back)
            : (Cccd2021FrontRenderer.Render(card), Cccd2021BackRenderer.Render(card), DocumentKind.Cccd2021Front, DocumentKind.Cccd2021Back);
        var front = Finish(frontKind, capture, frontPage, options, frontSeed);
        var back = Finish(backKind, capture, backPage, options, backSeed);
        return (front, back);
    }

    /// <summary>
    /// <paramref name="count"/> documents cycling through every <see cref="DocumentKind"/> in order; each is a
    /// photo with probability <paramref name="photoShare"/> (drawn from the seeded stream, so also deterministic).
    /// </summary>
    public IReadOnlyList<GeneratedDocument> Corpus(int count, double photoShare = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(photoShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(photoShare, 1);
        var documents = new List<GeneratedDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var capture = random.NextDouble() < photoShare ? CaptureKind.Photo : CaptureKind.Scan;
            documents.Add(Generate(AllKinds[i % AllKinds.Length], capture));
        }

        return documents;
    }

    private GeneratedDocument Finish(DocumentKind kind, CaptureKind capture, RenderedPage page, GenerationOptions options, int documentSeed)
    {
        // Stamps and capture noise get their own stream so adding a red flag never changes the printed data.
        var marks = new Random(unchecked((documentSeed * 31) + 7));
        var captureRandom = new Random(unchecked((documentSeed * 17) + 3));
        var redFlags = new List<string>();
        using var bitmap = page.Bitmap;
        if (options.SecretStamp)
        {
            RedFlagMarks.SecretStamp(bitmap, marks);
            redFlags.Add(RedFlags.SecretStamp);
        }

        if (options.NoCopyMark)
        {
            RedFlagMarks.NoCopyMark(bitmap);
            redFlags.Add(RedFlags.NoCopyMark);
        }

        if (page.DocumentType == DocumentTypes.HouseholdBook)
        {
            redFlags.Add(RedFlags.HouseholdBook);
        }

        if (page.Fields.TryGetValue("expiryDate", out var expiry)
            && DateOnly.TryParseExact(expiry, "dd/MM/yyyy", out var expiryDate)
            && expiryDate < IdCardValidity.ReferenceDate)
        {
            redFlags.Add(RedFlags.Expired);
        }

        var result = capture == CaptureKind.Photo
            ? PhotoCapture.Apply(bitmap, page.IsCard, captureRandom, options.Defect)
            : ScanCapture.Apply(bitmap, page.IsCard, captureRandom, options.Defect);
        using var output = result.Bitmap;
        var (bytes, mediaType) = capture == CaptureKind.Photo
            ? (Imaging.EncodeJpeg(output, result.Effects.JpegQuality ?? 90), MediaTypes.Jpeg)
            : (Imaging.EncodePng(output), MediaTypes.Png);

        var id = FormattableString.Invariant($"s{Seed}-{sequence++:D4}-{page.DocumentType}");
        return new GeneratedDocument(id, kind, page.DocumentType, capture, result.Effects, bytes, mediaType, page.Fields, redFlags);
    }
}

namespace SmartKiosk.Samples.SyntheticDocuments.Tests;

/// <summary>Generates the shared documents once: rendering is the expensive part of these tests.</summary>
public sealed class GeneratorFixture
{
    public GeneratorFixture()
    {
        var generator = new DocumentGenerator(2024);
        Cccd2021 = generator.IdCard(canCuoc2024: false, CaptureKind.Scan);
        CanCuoc2024 = generator.IdCard(canCuoc2024: true, CaptureKind.Scan);
        Corpus = new DocumentGenerator(11).Corpus(8, photoShare: 0.5);
        Household = new DocumentGenerator(12).Generate(DocumentKind.BirthCertificate, CaptureKind.Scan, new GenerationOptions(HouseholdBook: true));
    }

    public (GeneratedDocument Front, GeneratedDocument Back) Cccd2021 { get; }

    public (GeneratedDocument Front, GeneratedDocument Back) CanCuoc2024 { get; }

    public IReadOnlyList<GeneratedDocument> Corpus { get; }

    public GeneratedDocument Household { get; }
}

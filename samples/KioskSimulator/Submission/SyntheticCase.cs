using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.Samples.SyntheticDocuments.Capture;
using SmartKiosk.Samples.SyntheticDocuments.Portraits;

namespace SmartKiosk.Samples.KioskSimulator.Submission;

/// <summary>
/// A generated citizen for <c>submit --generate</c>: the original of the chosen type (an ID card
/// carries the citizen's portrait), the citizen's own ID card for documents without a portrait, and a
/// burst of camera frames of the same face — or of another face, to try a mismatch.
/// </summary>
public static class SyntheticCase
{
    public static SubmitOptions Create(string documentType, int seed, IReadOnlyList<(string Name, byte[] Jpeg)> faces, int? frameFace = null)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count == 0)
        {
            throw new InvalidOperationException("No face portraits are available for --generate; give --face <image>.");
        }
        var generator = new DocumentGenerator(seed);
        var citizen = faces[Math.Abs(seed) % faces.Count].Jpeg;
        var filmed = frameFace is { } other ? faces[Math.Abs(other) % faces.Count].Jpeg : citizen;
        var card = generator.Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan, new GenerationOptions(PortraitPhoto: citizen));
        var original = documentType switch
        {
            "cccd" => card,
            "birth-certificate" => generator.Generate(DocumentKind.BirthCertificate, CaptureKind.Scan),
            "diploma" => generator.Generate(DocumentKind.UniversityDiploma, CaptureKind.Scan),
            "land-use-certificate" => generator.Generate(DocumentKind.LandUseCertificate, CaptureKind.Scan),
            _ => generator.Generate(DocumentKind.HighSchoolDiploma, CaptureKind.Scan),
        };
        return new SubmitOptions
        {
            DocumentType = documentType,
            Pages = [original.Image],
            IdCard = documentType == "cccd" ? null : card.Image,
            Frames = CameraFrames.FromPhoto(filmed, count: 8, seed),
            Source = "Scanner",
        };
    }

    /// <summary>The demo portraits, when the repository's face-api demo photos are installed (./run.sh installs them).</summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> DemoFaces(string repositoryRoot)
    {
        var reference = Path.Combine(repositoryRoot, "tests", "Faces.Reference", "expected", "face-api-reference.json");
        var demo = Path.Combine(repositoryRoot, ".tools", "npm", "node_modules", "@vladmandic", "face-api", "demo");
        return File.Exists(reference) && Directory.Exists(demo) ? DemoPortraits.FromReference(reference, demo) : [];
    }
}

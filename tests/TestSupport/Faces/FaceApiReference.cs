using System.Text.Json;

namespace SmartKiosk.TestSupport.Faces;

/// <summary>
/// The numbers face-api's own JavaScript produced (tests/Faces.Reference/reference.cjs): the committed
/// copy in <c>tests/Faces.Reference/expected/face-api-reference.json</c>, or a fresh run's <c>reference.json</c>.
/// </summary>
public sealed record FaceApiReference(
    string FaceApi,
    string Tfjs,
    string Backend,
    DetectorSettings Detector,
    IReadOnlyList<ReferenceChip> Chips,
    IReadOnlyList<ReferenceImage> Images)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static FaceApiReference Load(string path) =>
        JsonSerializer.Deserialize<FaceApiReference>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"'{path}' is not a face reference file.");

    /// <summary>The copy kept in the repository.</summary>
    public static FaceApiReference Committed() =>
        Load(RepositoryPaths.Combine("tests", "Faces.Reference", "expected", "face-api-reference.json"));
}

public sealed record DetectorSettings(int InputSize, double ScoreThreshold);

public sealed record ReferenceChip(string Name, float[] Descriptor);

public sealed record ReferenceImage(string Name, int Width, int Height, IReadOnlyList<ReferenceFace> Faces);

public sealed record ReferenceFace(
    double Score,
    ReferenceBox Box,
    double[][] Landmarks,
    ReferenceBox AlignedRect,
    ReferenceChipSource Chip,
    float[] Descriptor);

public sealed record ReferenceBox(double X, double Y, double Width, double Height);

public sealed record ReferenceChipSource(string Name, int SourceWidth, int SourceHeight);

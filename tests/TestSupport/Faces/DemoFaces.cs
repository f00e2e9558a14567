using SmartKiosk.Samples.SyntheticDocuments.Portraits;

namespace SmartKiosk.TestSupport.Faces;

/// <summary>
/// Real faces for tests and benchmarks: the demo photos shipped in the face-api npm package
/// (installed by scripts/install-prerequisites.sh, never committed), cut into one head-and-shoulders
/// picture per face around the boxes in the committed reference numbers, with the other people of
/// the photo covered in grey. The 20 faces are 20 different people. SkiaSharp, not OpenCV, so that loading this never changes the order in which
/// the recognition pipeline loads its native libraries.
/// </summary>
public static class DemoFaces
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Jpeg)>> Faces = new(Load);

    public static string Folder => RepositoryPaths.Combine(".tools", "npm", "node_modules", "@vladmandic", "face-api", "demo");

    public static int Count => Faces.Value.Count;

    /// <summary>The reference name of face <paramref name="index"/>, e.g. <c>sample5-face3</c>.</summary>
    public static string Name(int index) => Faces.Value[index].Name;

    /// <summary>Face <paramref name="index"/> alone, as a JPEG (quality 95).</summary>
    public static byte[] Jpeg(int index) => Faces.Value[index].Jpeg;

    /// <summary>A whole demo photo (several people), as stored in the package.</summary>
    public static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(Folder, $"{name}.jpg"));

    private static IReadOnlyList<(string, byte[])> Load() =>
        DemoPortraits.FromReference(RepositoryPaths.Combine("tests", "Faces.Reference", "expected", "face-api-reference.json"), Folder);
}

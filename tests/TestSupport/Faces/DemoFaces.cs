using SkiaSharp;

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

    private static List<(string, byte[])> Load()
    {
        var reference = FaceApiReference.Committed();
        var faces = new List<(string, byte[])>();
        foreach (var image in reference.Images)
        {
            var path = Path.Combine(Folder, $"{image.Name}.jpg");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The face-api demo photos are missing from {Folder}: run scripts/install-prerequisites.sh.");
            }
            using var photo = SKBitmap.Decode(path);
            foreach (var face in image.Faces)
            {
                // Twice the detector's box around its centre: head, hair and some shoulders, like a portrait.
                var size = Math.Max(face.Box.Width, face.Box.Height) * 2;
                var centreX = face.Box.X + face.Box.Width / 2;
                var centreY = face.Box.Y + face.Box.Height / 2;
                var x = (int)Math.Clamp(centreX - size / 2, 0, photo.Width - 1);
                var y = (int)Math.Clamp(centreY - size / 2, 0, photo.Height - 1);
                var width = (int)Math.Min(size, photo.Width - x);
                var height = (int)Math.Min(size * 1.15, photo.Height - y);
                using var crop = new SKBitmap(width, height);
                using (var canvas = new SKCanvas(crop))
                using (var grey = new SKPaint { Color = new SKColor(0x80, 0x80, 0x80) })
                {
                    using var source = SKImage.FromBitmap(photo);
                    canvas.DrawImage(source, SKRect.Create(x, y, width, height), SKRect.Create(0, 0, width, height), SKSamplingOptions.Default);
                    // Neighbours in a group photo are covered, so each picture shows one person only;
                    // never over this person's own face, which can touch a neighbour's box.
                    var ownMargin = 0.1 * face.Box.Width;
                    canvas.ClipRect(SKRect.Create((float)(face.Box.X - ownMargin - x), (float)(face.Box.Y - ownMargin - y),
                        (float)(face.Box.Width + 2 * ownMargin), (float)(face.Box.Height + 2 * ownMargin)), SKClipOperation.Difference);
                    foreach (var other in image.Faces.Where(f => !ReferenceEquals(f, face)))
                    {
                        var margin = 0.15 * other.Box.Width;
                        canvas.DrawRect(SKRect.Create((float)(other.Box.X - margin - x), (float)(other.Box.Y - margin - y),
                            (float)(other.Box.Width + 2 * margin), (float)(other.Box.Height + 2 * margin)), grey);
                    }
                }
                using var cropped = SKImage.FromBitmap(crop);
                using var encoded = cropped.Encode(SKEncodedImageFormat.Jpeg, 95);
                faces.Add((face.Chip.Name, encoded.ToArray()));
            }
        }
        return faces;
    }
}

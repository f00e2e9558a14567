using OpenCvSharp;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Tests.Faces.Golden;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>
/// Real faces for tests: the demo photos shipped in the face-api npm package (installed by
/// scripts/install-prerequisites.sh, never committed), cut into one head-and-shoulders picture per
/// face around the boxes in the committed reference numbers. The 20 faces are 20 different people.
/// </summary>
public static class DemoFaces
{
    private static readonly Lazy<IReadOnlyList<(string Name, Mat Picture)>> Faces = new(Load);

    public static string Folder => RepositoryPaths.Combine(".tools", "npm", "node_modules", "@vladmandic", "face-api", "demo");

    public static int Count => Faces.Value.Count;

    public static string Name(int index) => Faces.Value[index].Name;

    /// <summary>Face <paramref name="index"/> alone, as a BGR picture (a copy the caller owns).</summary>
    public static Mat Picture(int index) => Faces.Value[index].Picture.Clone();

    public static RgbImage Image(int index) => FaceImages.FromMat(Faces.Value[index].Picture, 1600);

    public static byte[] Jpeg(int index, int quality = 92)
    {
        Cv2.ImEncode(".jpg", Faces.Value[index].Picture, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return bytes;
    }

    /// <summary>A whole demo photo (several people).</summary>
    public static Mat Photo(string name) => Cv2.ImRead(Path.Combine(Folder, $"{name}.jpg"), ImreadModes.Color);

    private static List<(string, Mat)> Load()
    {
        NativeLibraries.EnsureLoaded();
        var reference = FaceApiReference.Committed();
        var faces = new List<(string, Mat)>();
        foreach (var image in reference.Images)
        {
            using var photo = Photo(image.Name);
            if (photo.Empty())
            {
                throw new InvalidOperationException($"The face-api demo photos are missing from {Folder}: run scripts/install-prerequisites.sh.");
            }
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
                faces.Add((face.Chip.Name, new Mat(photo, new Rect(x, y, width, height)).Clone()));
            }
        }
        return faces;
    }
}

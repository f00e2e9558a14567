using System.Text.Json.Nodes;
using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Portraits;

/// <summary>
/// Single-person portraits cut from face-api's demo group photos (installed under .tools/npm, not
/// committed): twice the detector's box around each face, neighbours greyed out, so each picture shows
/// one person. They are real faces for the face check: printed on a synthetic ID card and sent as the
/// kiosk camera's frames.
/// </summary>
public static class DemoPortraits
{
    /// <summary>One portrait per face box of the photo.</summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> Crop(string photoPath, IReadOnlyList<(string Name, FaceBox Box)> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (!File.Exists(photoPath))
        {
            throw new FileNotFoundException($"The face-api demo photo {photoPath} is missing: ./run.sh or scripts/install-prerequisites.sh installs it.", photoPath);
        }
        using var photo = SKBitmap.Decode(photoPath) ?? throw new InvalidDataException($"{photoPath} is not a readable photo.");
        var portraits = new List<(string, byte[])>();
        foreach (var (name, box) in faces)
        {
            var size = Math.Max(box.Width, box.Height) * 2;
            var centreX = box.X + box.Width / 2;
            var centreY = box.Y + box.Height / 2;
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
                // Neighbours in a group photo are covered, but never over this person's own face,
                // which can touch a neighbour's box.
                var ownMargin = 0.1 * box.Width;
                canvas.ClipRect(SKRect.Create((float)(box.X - ownMargin - x), (float)(box.Y - ownMargin - y),
                    (float)(box.Width + 2 * ownMargin), (float)(box.Height + 2 * ownMargin)), SKClipOperation.Difference);
                foreach (var (_, other) in faces.Where(f => f.Box != box))
                {
                    var margin = 0.15 * other.Width;
                    canvas.DrawRect(SKRect.Create((float)(other.X - margin - x), (float)(other.Y - margin - y),
                        (float)(other.Width + 2 * margin), (float)(other.Height + 2 * margin)), grey);
                }
            }
            using var cropped = SKImage.FromBitmap(crop);
            using var encoded = cropped.Encode(SKEncodedImageFormat.Jpeg, 95);
            portraits.Add((name, encoded.ToArray()));
        }
        return portraits;
    }

    /// <summary>
    /// Every portrait named in the committed face-api reference (tests/Faces.Reference/expected), cut
    /// from the demo photos in <paramref name="demoFolder"/>.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> FromReference(string referenceJson, string demoFolder)
    {
        var reference = JsonNode.Parse(File.ReadAllText(referenceJson)) ?? throw new InvalidDataException($"{referenceJson} is empty.");
        var portraits = new List<(string, byte[])>();
        foreach (var image in reference["images"]?.AsArray() ?? [])
        {
            var faces = (image?["faces"]?.AsArray() ?? []).Select(f => (
                f!["chip"]!["name"]!.GetValue<string>(),
                new FaceBox(f["box"]!["x"]!.GetValue<double>(), f["box"]!["y"]!.GetValue<double>(), f["box"]!["width"]!.GetValue<double>(), f["box"]!["height"]!.GetValue<double>()))).ToList();
            portraits.AddRange(Crop(Path.Combine(demoFolder, image!["name"]!.GetValue<string>() + ".jpg"), faces));
        }
        return portraits;
    }
}

/// <summary>A face detector's box, in pixels of the photo.</summary>
public sealed record FaceBox(double X, double Y, double Width, double Height);

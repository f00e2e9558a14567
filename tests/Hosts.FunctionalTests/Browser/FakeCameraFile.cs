using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// What Chromium's fake camera plays (<c>--use-file-for-fake-video-capture</c>): an <c>.mjpeg</c> file,
/// baseline JPEG frames of one size back to back, shown at 30 frames a second and looped. Ours shows a
/// generated ID card on a dark desk for <see cref="CardSeconds"/> and then the card holder's face before a
/// light wall for <see cref="FaceSeconds"/>, over and over. The loop does not restart when a page opens the
/// camera, so a test waits for the part it needs (<see cref="KioskScreenDriver"/> looks at the corner of
/// the picture: dark is the desk, light the wall).
/// </summary>
public static class FakeCameraFile
{
    public const double FramesPerSecond = 30;
    public const double CardSeconds = 2;

    /// <summary>Long enough for the whole face capture (countdown, straight look, three movements) from the moment the face appears.</summary>
    public const double FaceSeconds = 10;
    private const int Width = 1280;
    private const int Height = 960;

    public static string Write(string folder, byte[] cardImage, byte[] facePhoto)
    {
        ArgumentNullException.ThrowIfNull(cardImage);
        ArgumentNullException.ThrowIfNull(facePhoto);
        var card = Frame(cardImage, new SKColor(0x5f, 0x63, 0x6b), widthShare: 0.8, heightShare: 0.8);
        var face = Frame(facePhoto, new SKColor(0xd8, 0xd4, 0xcc), widthShare: 0.7, heightShare: 0.92);
        var path = Path.Combine(folder, "fake-camera.mjpeg");
        using var file = File.Create(path);
        // One encoded picture repeated: the camera sees a perfectly still scene, which is all the tests need.
        for (var i = 0; i < CardSeconds * FramesPerSecond; i++)
        {
            file.Write(card);
        }
        for (var i = 0; i < FaceSeconds * FramesPerSecond; i++)
        {
            file.Write(face);
        }
        return path;
    }

    /// <summary>The card as a scanner would produce it, with the citizen's portrait printed on it.</summary>
    public static byte[] Card(int seed, byte[] portrait) =>
        new DocumentGenerator(seed).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan, new GenerationOptions(PortraitPhoto: portrait)).Image;

    private static byte[] Frame(byte[] picture, SKColor background, double widthShare, double heightShare)
    {
        using var decoded = SKBitmap.Decode(picture) ?? throw new ArgumentException("The picture is not a readable image.", nameof(picture));
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        var scale = Math.Min(Width * widthShare / decoded.Width, Height * heightShare / decoded.Height);
        var (w, h) = ((float)(decoded.Width * scale), (float)(decoded.Height * scale));
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, SKRect.Create((Width - w) / 2, (Height - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 92);
        return jpeg.ToArray();
    }
}

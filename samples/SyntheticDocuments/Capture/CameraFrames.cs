using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>
/// A burst of kiosk camera frames of a still face: the same picture with fresh sensor noise and a
/// slightly drifting exposure per frame, as a webcam delivers it. A still face makes no movement, so
/// a liveness check rightly does not call it live; face matching gets what it needs.
/// </summary>
public static class CameraFrames
{
    public static IReadOnlyList<byte[]> FromPhoto(byte[] photo, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(photo);
        using var decoded = SKBitmap.Decode(photo) ?? throw new ArgumentException("The face photo is not a readable image.", nameof(photo));
        var frames = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            using var frame = decoded.Copy(SKColorType.Rgba8888);
            PixelNoise.Apply(frame, sigma: 2.5, exposure: 1 + (0.02 * Math.Sin(i + seed)), seed: (ulong)(seed * 7919 + i));
            using var image = SKImage.FromBitmap(frame);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            frames.Add(jpeg.ToArray());
        }
        return frames;
    }
}

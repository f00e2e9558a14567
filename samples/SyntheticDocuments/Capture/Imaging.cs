using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>Whole-image operations shared by the scan and photo pipelines.</summary>
public static class Imaging
{
    /// <summary>For downscaling (photos, low resolution): mipmaps avoid aliasing of fine print.</summary>
    public static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>For near 1:1 drawing (scans), where building mipmaps would only cost time.</summary>
    public static readonly SKSamplingOptions Linear = new(SKFilterMode.Linear, SKMipmapMode.None);

    public static SKBitmap NewOpaque(int width, int height) =>
        new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));

    public static SKBitmap Blur(SKBitmap source, double sigma)
    {
        var result = NewOpaque(source.Width, source.Height);
        using var canvas = new SKCanvas(result);
        using var filter = SKImageFilter.CreateBlur((float)sigma, (float)sigma, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = filter };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, Linear, paint);
        return result;
    }

    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var result = NewOpaque(width, height);
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), Smooth, null);
        return result;
    }

    /// <summary>
    /// A glare spot: fully saturated inside <paramref name="coreRadius"/>, fading out to
    /// <paramref name="outerRadius"/>.
    /// </summary>
    public static void Glare(SKCanvas canvas, SKPoint center, float coreRadius, float outerRadius, byte peakAlpha)
    {
        var core = Math.Clamp(coreRadius / outerRadius, 0f, 0.99f);
        using var shader = SKShader.CreateRadialGradient(center, outerRadius,
            [new SKColor(255, 255, 255, peakAlpha), new SKColor(255, 255, 255, peakAlpha), new SKColor(255, 255, 255, 0)],
            [0f, core, 1f], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawCircle(center, outerRadius, paint);
    }

    /// <summary>Uneven light: darkens linearly towards one side of the frame.</summary>
    public static void LightFalloff(SKCanvas canvas, int width, int height, double strength, double angleDegrees)
    {
        var angle = angleDegrees * Math.PI / 180;
        var cx = width / 2f;
        var cy = height / 2f;
        var reach = MathF.Sqrt((width * width) + (height * height)) / 2;
        var dx = (float)Math.Cos(angle) * reach;
        var dy = (float)Math.Sin(angle) * reach;
        var alpha = (byte)Math.Clamp(strength * 255, 0, 255);
        using var shader = SKShader.CreateLinearGradient(new SKPoint(cx - dx, cy - dy), new SKPoint(cx + dx, cy + dy),
            [new SKColor(255, 250, 240, 0), new SKColor(20, 16, 10, alpha)], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, paint);
    }

    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the JPEG.");
        return data.ToArray();
    }

    /// <summary>
    /// PNG with a fast zlib level and a single filter: noisy scans barely compress anyway, and the default
    /// settings made encoding the slowest step of generation.
    /// </summary>
    public static byte[] EncodePng(SKBitmap bitmap)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        return data.ToArray();
    }

    public static IReadOnlyList<double> Flatten(IReadOnlyList<SKPoint> corners) =>
        corners.SelectMany(p => new[] { Math.Round(p.X, 2), Math.Round(p.Y, 2) }).ToArray();

    public static SKPoint Centroid(IReadOnlyList<SKPoint> corners) =>
        new(corners.Average(p => p.X), corners.Average(p => p.Y));

    /// <summary>Shoelace area of the quadrilateral.</summary>
    public static double Area(IReadOnlyList<SKPoint> corners)
    {
        double sum = 0;
        for (var i = 0; i < corners.Count; i++)
        {
            var a = corners[i];
            var b = corners[(i + 1) % corners.Count];
            sum += (a.X * b.Y) - (b.X * a.Y);
        }

        return Math.Abs(sum) / 2;
    }

    public static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static SKPoint Lerp(SKPoint a, SKPoint b, float t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));

    /// <summary>Disposes the current bitmap when a processing step produced a new one.</summary>
    public static SKBitmap Replace(SKBitmap current, SKBitmap? next)
    {
        if (next is null)
        {
            return current;
        }

        current.Dispose();
        return next;
    }
}

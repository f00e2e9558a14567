using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Tests;

internal static class ImageMetrics
{
    /// <summary>Decodes to RGBA so the metrics can read bytes directly (GetPixel per pixel is slow).</summary>
    public static SKBitmap Decode(byte[] image)
    {
        using var decoded = SKBitmap.Decode(image) ?? throw new InvalidOperationException("Image did not decode.");
        return decoded.Copy(SKColorType.Rgba8888) ?? throw new InvalidOperationException("Could not convert to RGBA.");
    }

    private static float[,] Luma(SKBitmap bitmap)
    {
        var luma = new float[bitmap.Height, bitmap.Width];
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var i = 4 * ((y * bitmap.Width) + x);
                luma[y, x] = (0.299f * pixels[i]) + (0.587f * pixels[i + 1]) + (0.114f * pixels[i + 2]);
            }
        }

        return luma;
    }

    /// <summary>Variance of the 4-neighbour Laplacian: the usual focus measure.</summary>
    public static double LaplacianVariance(SKBitmap bitmap)
    {
        var l = Luma(bitmap);
        double sum = 0, sumSq = 0;
        long n = 0;
        for (var y = 1; y < bitmap.Height - 1; y++)
        {
            for (var x = 1; x < bitmap.Width - 1; x++)
            {
                double v = l[y - 1, x] + l[y + 1, x] + l[y, x - 1] + l[y, x + 1] - (4 * l[y, x]);
                sum += v;
                sumSq += v * v;
                n++;
            }
        }

        var mean = sum / n;
        return (sumSq / n) - (mean * mean);
    }

    public static double MeanLuma(SKBitmap bitmap)
    {
        var l = Luma(bitmap);
        double sum = 0;
        foreach (var v in l)
        {
            sum += v;
        }

        return sum / l.Length;
    }

    /// <summary>Pixels with every channel at least 250, i.e. blown-out highlights.</summary>
    public static long SaturatedPixels(SKBitmap bitmap)
    {
        long count = 0;
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i] >= 250 && pixels[i + 1] >= 250 && pixels[i + 2] >= 250)
            {
                count++;
            }
        }

        return count;
    }

    public static double QuadArea(IReadOnlyList<double> corners)
    {
        double sum = 0;
        for (var i = 0; i < 4; i++)
        {
            var j = (i + 1) % 4;
            sum += (corners[2 * i] * corners[(2 * j) + 1]) - (corners[2 * j] * corners[(2 * i) + 1]);
        }

        return Math.Abs(sum) / 2;
    }
}

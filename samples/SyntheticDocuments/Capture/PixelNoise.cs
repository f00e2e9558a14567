using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>
/// Per-pixel sensor noise and exposure in one pass. Uses its own SplitMix64 stream and a quantile table: System.Random
/// would be deterministic too, but millions of calls per image through it are needlessly slow.
/// </summary>
public static class PixelNoise
{
    private const int TableBits = 12;

    // A table of standard-normal quantiles: one 64-bit draw then yields five samples via 12-bit indices.
    private static readonly float[] NormalTable = BuildTable();

    public static void Apply(SKBitmap bitmap, double sigma, double exposure, ulong seed)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888 && bitmap.ColorType != SKColorType.Bgra8888)
        {
            throw new ArgumentException("Expected a 32-bit RGBA/BGRA bitmap.", nameof(bitmap));
        }

        var pixels = bitmap.GetPixelSpan();
        var state = seed;
        var scale = (float)sigma;
        var gain = (float)exposure;
        var table = NormalTable;
        ulong bits = 0;
        var available = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                if (available == 0)
                {
                    bits = Next(ref state);
                    available = 5;
                }

                var noise = table[(int)(bits & ((1 << TableBits) - 1))] * scale;
                bits >>= TableBits;
                available--;
                var value = (pixels[i + channel] * gain) + noise + 0.5f;
                pixels[i + channel] = value <= 0 ? (byte)0 : value >= 255 ? (byte)255 : (byte)value;
            }
        }
    }

    private static float[] BuildTable()
    {
        var table = new float[1 << TableBits];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)InverseNormal((i + 0.5) / table.Length);
        }

        return table;
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (error below 1e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

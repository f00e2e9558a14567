using SkiaSharp;

namespace SmartKiosk.Benchmarks.Faces;

/// <summary>Draws the same-face and different-people distance histograms with the two thresholds (PNG).</summary>
public static class DistanceHistogram
{
    private const double BinWidth = 0.025;
    private const double MaxDistance = 1.2;

    public static void Write(FaceBenchReport report, string path)
    {
        const int width = 960, height = 440, left = 60, right = 20, top = 40, bottom = 60;
        var bins = (int)Math.Ceiling(MaxDistance / BinWidth);
        var same = Histogram(FaceBenchReport.Measured(report.Same), bins);
        var different = Histogram(FaceBenchReport.Measured(report.Different), bins);
        var peak = Math.Max(1, same.Concat(different).Max());

        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans"), 13);
        using var text = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var axis = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), StrokeWidth = 1 };
        using var samePaint = new SKPaint { Color = new SKColor(0x1B, 0x6E, 0xC2, 0xB0) };
        using var differentPaint = new SKPaint { Color = new SKColor(0xC2, 0x3B, 0x22, 0xB0) };
        using var thresholdPaint = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), StrokeWidth = 1.5f, PathEffect = SKPathEffect.CreateDash([6, 4], 0) };

        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        float X(double distance) => (float)(left + distance / MaxDistance * plotWidth);
        float Y(int count) => (float)(top + plotHeight - (double)count / peak * plotHeight);

        for (var i = 0; i < bins; i++)
        {
            var x0 = X(i * BinWidth) + 1;
            var x1 = X((i + 1) * BinWidth) - 1;
            canvas.DrawRect(SKRect.Create(x0, Y(different[i]), x1 - x0, top + plotHeight - Y(different[i])), differentPaint);
            canvas.DrawRect(SKRect.Create(x0, Y(same[i]), x1 - x0, top + plotHeight - Y(same[i])), samePaint);
        }
        canvas.DrawLine(left, top + plotHeight, left + plotWidth, top + plotHeight, axis);
        canvas.DrawLine(left, top, left, top + plotHeight, axis);
        for (var tick = 0.0; tick <= MaxDistance + 1e-9; tick += 0.1)
        {
            canvas.DrawLine(X(tick), top + plotHeight, X(tick), top + plotHeight + 5, axis);
            canvas.DrawText(tick.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), X(tick) - 9, top + plotHeight + 20, SKTextAlign.Left, font, text);
        }
        foreach (var (threshold, label) in new[] { (FaceBenchReport.Accept, "accept < 0.50"), (FaceBenchReport.Review, "review < 0.55") })
        {
            canvas.DrawLine(X(threshold), top, X(threshold), top + plotHeight, thresholdPaint);
            canvas.DrawText(label, X(threshold) + 4, top + (threshold == FaceBenchReport.Accept ? 14 : 30), SKTextAlign.Left, font, text);
        }
        canvas.DrawText("Descriptor distance (same face: blue, different people: red)", left, height - 18, SKTextAlign.Left, font, text);
        canvas.DrawText($"pairs per {BinWidth:F3} bin (peak {peak})", left, top - 14, SKTextAlign.Left, font, text);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static int[] Histogram(List<double> distances, int bins)
    {
        var counts = new int[bins];
        foreach (var distance in distances)
        {
            counts[Math.Min(bins - 1, (int)(distance / BinWidth))]++;
        }
        return counts;
    }
}

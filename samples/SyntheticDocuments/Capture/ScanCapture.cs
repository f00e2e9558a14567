using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>
/// A flatbed scan: the page as rendered, sometimes a slight skew from placing it by hand, and faint sensor
/// noise. The canvas grows to hold a skewed page so no corner is lost by accident.
/// </summary>
public static class ScanCapture
{
    public static CaptureResult Apply(SKBitmap page, bool isCard, Random random, QualityDefect defect)
    {
        var skew = random.Next(2) == 0 ? Imaging.Uniform(random, -1.5, 1.5) : 0;
        var noise = Imaging.Uniform(random, 1.0, 3.0);
        var blur = 0.0;
        var exposure = 1.0;
        var glareRadius = 0.0;
        var targetWidth = page.Width;
        switch (defect)
        {
            case QualityDefect.HeavyBlur:
                blur = Imaging.Uniform(random, 4.0, 6.0);
                break;
            case QualityDefect.Dark:
                exposure = Imaging.Uniform(random, 0.16, 0.26);
                break;
            case QualityDefect.LowResolution:
                targetWidth = isCard ? random.Next(300, 381) : random.Next(560, 681);
                break;
        }

        var radians = skew * Math.PI / 180;
        var cos = Math.Abs(Math.Cos(radians));
        var sin = Math.Abs(Math.Sin(radians));
        var width = (int)Math.Ceiling((page.Width * cos) + (page.Height * sin));
        var height = (int)Math.Ceiling((page.Width * sin) + (page.Height * cos));

        var corners = Corners(page.Width, page.Height, width / 2f, height / 2f, (float)skew);
        if (defect == QualityDefect.CutOff)
        {
            // Slide the page towards one corner of the bed so that corner falls outside the scan.
            var sx = random.Next(2) == 0 ? -1 : 1;
            var sy = random.Next(2) == 0 ? -1 : 1;
            var dx = sx * (float)(page.Width * Imaging.Uniform(random, 0.1, 0.16));
            var dy = sy * (float)(page.Height * Imaging.Uniform(random, 0.12, 0.2));
            corners = corners.Select(p => new SKPoint(p.X + dx, p.Y + dy)).ToArray();
        }

        var output = Imaging.NewOpaque(width, height);
        using (var canvas = new SKCanvas(output))
        using (var image = SKImage.FromBitmap(page))
        {
            canvas.Clear(SKColors.White);
            // A scan is a rigid motion of the page, so an affine rotate-and-translate is enough.
            canvas.Translate(corners[0].X, corners[0].Y);
            canvas.RotateDegrees((float)skew);
            canvas.DrawImage(image, 0, 0, skew == 0 ? new SKSamplingOptions(SKFilterMode.Nearest) : Imaging.Linear, null);
            canvas.ResetMatrix();
            if (defect == QualityDefect.Glare)
            {
                glareRadius = GlareDefect(canvas, corners, random);
            }
        }

        output = Imaging.Replace(output, blur > 0 ? Imaging.Blur(output, blur) : null);
        if (targetWidth != width)
        {
            var scale = targetWidth / (double)width;
            var targetHeight = (int)Math.Round(height * scale);
            output = Imaging.Replace(output, Imaging.Resize(output, targetWidth, targetHeight));
            corners = corners.Select(p => new SKPoint((float)(p.X * scale), (float)(p.Y * scale))).ToArray();
        }

        PixelNoise.Apply(output, noise, exposure, (ulong)random.NextInt64());
        var effects = new CaptureEffects(
            output.Width, output.Height, Imaging.Flatten(corners), Perspective: false, MaxCornerShift: 0,
            SkewDegrees: Math.Round(skew, 3), BlurSigma: Math.Round(blur, 3), NoiseSigma: Math.Round(noise, 3), JpegQuality: null,
            LightGradient: 0, LightAngleDegrees: 0, Glare: glareRadius > 0, GlareRadius: Math.Round(glareRadius, 1),
            Exposure: Math.Round(exposure, 3), DocumentWidthShare: Math.Round(page.Width * cos / width, 4), Defect: defect);
        return new CaptureResult(output, effects);
    }

    /// <summary>Paints a saturated blob whose solid core alone covers 12-18% of the document.</summary>
    public static double GlareDefect(SKCanvas canvas, IReadOnlyList<SKPoint> corners, Random random)
    {
        var area = Imaging.Area(corners);
        var core = (float)Math.Sqrt(area * Imaging.Uniform(random, 0.12, 0.18) / Math.PI);
        var u = (float)Imaging.Uniform(random, 0.4, 0.6);
        var v = (float)Imaging.Uniform(random, 0.4, 0.6);
        var top = Imaging.Lerp(corners[0], corners[1], u);
        var bottom = Imaging.Lerp(corners[3], corners[2], u);
        var center = Imaging.Lerp(top, bottom, v);
        Imaging.Glare(canvas, center, core, core * 1.6f, 255);
        return core;
    }

    public static SKPoint[] Corners(float width, float height, float cx, float cy, float degrees)
    {
        var radians = degrees * MathF.PI / 180;
        var cos = MathF.Cos(radians);
        var sin = MathF.Sin(radians);
        SKPoint[] local = [new(-width / 2, -height / 2), new(width / 2, -height / 2), new(width / 2, height / 2), new(-width / 2, height / 2)];
        return local.Select(p => new SKPoint(cx + (p.X * cos) - (p.Y * sin), cy + (p.X * sin) + (p.Y * cos))).ToArray();
    }
}

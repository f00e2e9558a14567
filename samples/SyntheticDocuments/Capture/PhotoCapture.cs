using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>
/// A phone or kiosk camera photo: the page lies on a desk, seen slightly off-axis (homography), rotated,
/// unevenly lit, a little out of focus, noisy and JPEG-compressed.
/// </summary>
public static class PhotoCapture
{
    public static CaptureResult Apply(SKBitmap page, bool isCard, Random random, QualityDefect defect)
    {
        var landscape = page.Width > page.Height;
        var (frameWidth, frameHeight) = (isCard, landscape) switch
        {
            (true, _) => (1600, 1200),
            (false, true) => (2800, 2000),
            (false, false) => (2000, 2800),
        };
        var share = isCard ? Imaging.Uniform(random, 0.45, 0.70) : Imaging.Uniform(random, 0.66, 0.80);
        if (defect == QualityDefect.LowResolution)
        {
            // Same framing, far fewer pixels: a card ends up well under 400 px wide.
            var factor = isCard ? 0.34 : 0.25;
            frameWidth = (int)(frameWidth * factor);
            frameHeight = (int)(frameHeight * factor);
        }

        var skew = Imaging.Uniform(random, -8, 8);
        var maxShift = Imaging.Uniform(random, 0.03, 0.08);
        var docWidth = (float)(frameWidth * share);
        var docHeight = docWidth * page.Height / page.Width;
        var center = new SKPoint(
            frameWidth / 2f + (float)Imaging.Uniform(random, -0.04, 0.04) * frameWidth,
            frameHeight / 2f + (float)Imaging.Uniform(random, -0.04, 0.04) * frameHeight);
        var corners = ScanCapture.Corners(docWidth, docHeight, center.X, center.Y, (float)skew);

        // Perspective: push each corner in a random direction, bounded by maxShift of the document size.
        var actualShift = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var dx = Imaging.Uniform(random, -maxShift, maxShift) * docWidth;
            var dy = Imaging.Uniform(random, -maxShift, maxShift) * docHeight;
            corners[i] = new SKPoint(corners[i].X + (float)dx, corners[i].Y + (float)dy);
            actualShift = Math.Max(actualShift, Math.Max(Math.Abs(dx) / docWidth, Math.Abs(dy) / docHeight));
        }

        corners = FitInside(corners, frameWidth, frameHeight, margin: 0.03f);
        if (defect == QualityDefect.CutOff)
        {
            corners = PushCornerOut(corners, frameWidth, frameHeight, random);
        }

        var light = Imaging.Uniform(random, 0.08, 0.32);
        var lightAngle = Imaging.Uniform(random, 0, 360);
        var blur = defect == QualityDefect.HeavyBlur ? Imaging.Uniform(random, 4.5, 7.0) : Imaging.Uniform(random, 0.3, 1.0);
        var noise = Imaging.Uniform(random, 2.0, 5.0);
        var quality = random.Next(80, 93);
        var exposure = defect == QualityDefect.Dark ? Imaging.Uniform(random, 0.14, 0.24) : Imaging.Uniform(random, 0.92, 1.04);
        var smallGlare = defect != QualityDefect.Glare && random.Next(10) < 3;
        double glareRadius = 0;

        var output = Imaging.NewOpaque(frameWidth, frameHeight);
        using (var canvas = new SKCanvas(output))
        using (var image = SKImage.FromBitmap(page))
        {
            DeskBackground.Draw(canvas, frameWidth, frameHeight, random);
            DrawShadow(canvas, corners, frameWidth);
            canvas.Save();
            canvas.SetMatrix(Homography.FromRectangle(page.Width, page.Height, corners));
            canvas.DrawImage(image, 0, 0, Imaging.Smooth, null);
            canvas.Restore();
            Imaging.LightFalloff(canvas, frameWidth, frameHeight, light, lightAngle);
            if (defect == QualityDefect.Glare)
            {
                glareRadius = ScanCapture.GlareDefect(canvas, corners, random);
            }
            else if (smallGlare)
            {
                var spot = Imaging.Lerp(Imaging.Lerp(corners[0], corners[1], (float)random.NextDouble()), Imaging.Lerp(corners[3], corners[2], (float)random.NextDouble()), (float)random.NextDouble());
                glareRadius = docWidth * Imaging.Uniform(random, 0.03, 0.06);
                Imaging.Glare(canvas, spot, 0, (float)glareRadius, (byte)random.Next(120, 200));
            }
        }

        output = Imaging.Replace(output, Imaging.Blur(output, blur));
        PixelNoise.Apply(output, noise, exposure, (ulong)random.NextInt64());

        var xs = corners.Select(p => p.X).ToArray();
        var effects = new CaptureEffects(
            frameWidth, frameHeight, Imaging.Flatten(corners), Perspective: true, MaxCornerShift: Math.Round(actualShift, 4),
            SkewDegrees: Math.Round(skew, 3), BlurSigma: Math.Round(blur, 3), NoiseSigma: Math.Round(noise, 3), JpegQuality: quality,
            LightGradient: Math.Round(light, 3), LightAngleDegrees: Math.Round(lightAngle, 1), Glare: glareRadius > 0,
            GlareRadius: Math.Round(glareRadius, 1), Exposure: Math.Round(exposure, 3),
            DocumentWidthShare: Math.Round((xs.Max() - xs.Min()) / frameWidth, 4), Defect: defect);
        return new CaptureResult(output, effects);
    }

    /// <summary>Scales the quad about its centre until it sits inside the frame with a margin.</summary>
    private static SKPoint[] FitInside(SKPoint[] corners, int width, int height, float margin)
    {
        var center = Imaging.Centroid(corners);
        var minX = corners.Min(p => p.X);
        var maxX = corners.Max(p => p.X);
        var minY = corners.Min(p => p.Y);
        var maxY = corners.Max(p => p.Y);
        var limitX = width * margin;
        var limitY = height * margin;
        var scale = 1f;
        scale = Math.Min(scale, (center.X - limitX) / (center.X - minX));
        scale = Math.Min(scale, (width - limitX - center.X) / (maxX - center.X));
        scale = Math.Min(scale, (center.Y - limitY) / (center.Y - minY));
        scale = Math.Min(scale, (height - limitY - center.Y) / (maxY - center.Y));
        return scale >= 1f
            ? corners
            : corners.Select(p => new SKPoint(center.X + ((p.X - center.X) * scale), center.Y + ((p.Y - center.Y) * scale))).ToArray();
    }

    /// <summary>Slides the document so one corner lands 8-15% of its size beyond two frame edges.</summary>
    private static SKPoint[] PushCornerOut(SKPoint[] corners, int width, int height, Random random)
    {
        var index = random.Next(4);
        var corner = corners[index];
        var docWidth = corners.Max(p => p.X) - corners.Min(p => p.X);
        var docHeight = corners.Max(p => p.Y) - corners.Min(p => p.Y);
        var beyondX = (float)(docWidth * Imaging.Uniform(random, 0.08, 0.15));
        var beyondY = (float)(docHeight * Imaging.Uniform(random, 0.08, 0.15));
        var dx = index is 0 or 3 ? -beyondX - corner.X : width + beyondX - corner.X;
        var dy = index is 0 or 1 ? -beyondY - corner.Y : height + beyondY - corner.Y;
        return corners.Select(p => new SKPoint(p.X + dx, p.Y + dy)).ToArray();
    }

    private static void DrawShadow(SKCanvas canvas, IReadOnlyList<SKPoint> corners, int frameWidth)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly(corners.Select(p => new SKPoint(p.X + (frameWidth * 0.006f), p.Y + (frameWidth * 0.008f))).ToArray(), close: true);
        using var paint = new SKPaint
        {
            Color = SKColors.Black.WithAlpha(90),
            IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, frameWidth * 0.006f),
        };
        using (var path = builder.Detach())
        {
            canvas.DrawPath(path, paint);
        }
    }
}

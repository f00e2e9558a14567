using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Marks that make a document ineligible for certified copying, stamped over a finished page.</summary>
public static class RedFlagMarks
{
    /// <summary>The red rectangular "MẬT" (secret) classification stamp, rotated as if applied by hand.</summary>
    public static void SecretStamp(SKBitmap page, Random random)
    {
        using var canvas = new SKCanvas(page);
        var scale = Math.Min(page.Width, page.Height) / 638f;
        var width = 230 * scale;
        var height = 105 * scale;
        var cx = page.Width * (float)Capture.Imaging.Uniform(random, 0.55, 0.75);
        var cy = page.Height * (float)Capture.Imaging.Uniform(random, 0.18, 0.35);
        canvas.RotateDegrees((float)Capture.Imaging.Uniform(random, -18, -6), cx, cy);
        using var border = Sheet.Stroke(Ink.StampRed, 9 * scale);
        canvas.DrawRect(cx - (width / 2), cy - (height / 2), width, height, border);
        using var inner = Sheet.Stroke(Ink.StampRed, 3 * scale);
        canvas.DrawRect(cx - (width / 2) + (12 * scale), cy - (height / 2) + (12 * scale), width - (24 * scale), height - (24 * scale), inner);
        using var font = Sheet.Font(Fonts.SansBold, 66 * scale);
        using var ink = Sheet.Fill(Ink.StampRed);
        canvas.DrawText("MẬT", cx, cy + (24 * scale), SKTextAlign.Center, font, ink);
    }

    /// <summary>"KHÔNG SAO CHỤP" printed along the bottom margin.</summary>
    public static void NoCopyMark(SKBitmap page)
    {
        using var canvas = new SKCanvas(page);
        var scale = Math.Min(page.Width, page.Height) / 638f;
        using var font = Sheet.Font(Fonts.SansBold, 30 * scale);
        using var ink = Sheet.Fill(Ink.Red);
        var y = page.Height - (page.Width > page.Height && page.Height < 700 ? 18 * scale : 60 * scale);
        canvas.DrawText("KHÔNG SAO CHỤP", page.Width / 2f, y, SKTextAlign.Center, font, ink);
    }
}

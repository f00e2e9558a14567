using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>
/// A flat page being drawn: a bitmap plus text helpers that keep every printed value on the page
/// (values are shrunk or wrapped rather than clipped, since the ground truth promises they are legible).
/// </summary>
public sealed class Sheet : IDisposable
{
    public Sheet(int width, int height, SKColor background)
    {
        Width = width;
        Height = height;
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Canvas = new SKCanvas(Bitmap);
        Canvas.Clear(background);
    }

    public int Width { get; }

    public int Height { get; }

    public SKBitmap Bitmap { get; private set; }

    public SKCanvas Canvas { get; }

    public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Subpixel = true,
        Hinting = SKFontHinting.None,
    };

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    public static float Measure(string text, SKTypeface typeface, float size)
    {
        using var font = Font(typeface, size);
        return font.MeasureText(text);
    }

    /// <summary>Draws text with its baseline at <paramref name="y"/>; returns the advance width.</summary>
    public float Text(string text, float x, float y, SKTypeface typeface, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = Font(typeface, size);
        using var paint = Fill(color);
        Canvas.DrawText(text, x, y, align, font, paint);
        return font.MeasureText(text);
    }

    /// <summary>Draws text shrunk as needed to fit <paramref name="maxWidth"/>.</summary>
    public float TextFit(string text, float x, float y, float maxWidth, SKTypeface typeface, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        var width = Measure(text, typeface, size);
        var fitted = width > maxWidth ? size * maxWidth / width : size;
        return Text(text, x, y, typeface, fitted, color, align);
    }

    /// <summary>Greedy word wrap.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKTypeface typeface, float size, float maxWidth) =>
        WrapWithIndent(text, typeface, size, maxWidth, 0);

    /// <summary>
    /// Wraps text into at most <paramref name="maxLines"/> lines, shrinking the font until it fits, and draws it.
    /// The first line may be narrower (it follows a label). Returns the baseline of the last line.
    /// </summary>
    public float Paragraph(string text, float x, float y, float maxWidth, float lineHeight, int maxLines,
        SKTypeface typeface, float size, SKColor color, float firstLineIndent = 0)
    {
        var fitted = size;
        List<string> lines;
        while (true)
        {
            lines = WrapWithIndent(text, typeface, fitted, maxWidth, firstLineIndent);
            if (lines.Count <= maxLines || fitted < size * 0.6f)
            {
                break;
            }

            fitted *= 0.94f;
        }

        var baseline = y;
        for (var i = 0; i < lines.Count; i++)
        {
            baseline = y + (i * lineHeight * fitted / size);
            var indent = i == 0 ? firstLineIndent : 0;
            TextFit(lines[i], x + indent, baseline, maxWidth - indent, typeface, fitted, color);
        }

        return baseline;
    }

    /// <summary>"Label: value" on one line; the value in its own style. Returns the x after the value.</summary>
    public float LabelValue(string label, string value, float x, float y, float maxWidth,
        SKTypeface labelFace, float labelSize, SKTypeface valueFace, float valueSize, SKColor labelColor, SKColor valueColor)
    {
        var labelWidth = Text(label + " ", x, y, labelFace, labelSize, labelColor);
        return x + labelWidth + TextFit(value, x + labelWidth, y, maxWidth - labelWidth, valueFace, valueSize, valueColor);
    }

    /// <summary>Hands the finished bitmap to the caller, who then owns it.</summary>
    public SKBitmap Detach()
    {
        Canvas.Flush();
        var bitmap = Bitmap;
        Bitmap = null!;
        return bitmap;
    }

    public void Dispose()
    {
        Canvas.Dispose();
        Bitmap?.Dispose();
    }

    private static List<string> WrapWithIndent(string text, SKTypeface typeface, float size, float maxWidth, float indent)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in words)
        {
            var available = lines.Count == 0 ? maxWidth - indent : maxWidth;
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && Measure(candidate, typeface, size) > available)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}

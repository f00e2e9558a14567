using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>Security-print style backgrounds: pale gradients crossed by fine guilloche curves.</summary>
public static class Backgrounds
{
    public static void Gradient(Sheet sheet, SKColor from, SKColor to)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(sheet.Width, sheet.Height), [from, to], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        sheet.Canvas.DrawRect(0, 0, sheet.Width, sheet.Height, paint);
    }

    /// <summary>Families of phase-shifted sine waves, the usual anti-copy pattern of identity documents.</summary>
    public static void Guilloche(Sheet sheet, Random random, SKColor color, int curves, float strokeWidth)
    {
        using var paint = Sheet.Stroke(color, strokeWidth);
        var amplitude = sheet.Height * (0.04f + (float)random.NextDouble() * 0.05f);
        var wavelength = sheet.Width * (0.18f + (float)random.NextDouble() * 0.12f);
        var phaseStep = (float)(Math.PI * 2 / curves);
        var spacing = sheet.Height / (float)curves * 1.6f;
        for (var i = 0; i < curves; i++)
        {
            using var builder = new SKPathBuilder();
            var baseY = (i * spacing) - (sheet.Height * 0.3f);
            for (var x = 0f; x <= sheet.Width; x += 4)
            {
                var y = baseY + (x * 0.35f) + (amplitude * MathF.Sin((x / wavelength * MathF.PI * 2) + (i * phaseStep)));
                if (x == 0)
                {
                    builder.MoveTo(x, y);
                }
                else
                {
                    builder.LineTo(x, y);
                }
            }

            using (var path = builder.Detach())
            {
                sheet.Canvas.DrawPath(path, paint);
            }
        }
    }

    /// <summary>A rosette of rotated ellipses, printed faintly behind the main text block.</summary>
    public static void Rosette(Sheet sheet, float cx, float cy, float radius, SKColor color, int petals)
    {
        using var paint = Sheet.Stroke(color, 1.2f);
        for (var i = 0; i < petals; i++)
        {
            sheet.Canvas.Save();
            sheet.Canvas.RotateDegrees(i * 180f / petals, cx, cy);
            sheet.Canvas.DrawOval(cx, cy, radius, radius * 0.38f, paint);
            sheet.Canvas.Restore();
        }
    }

    public static void Border(Sheet sheet, float inset, SKColor color, float width, float radius = 0)
    {
        using var paint = Sheet.Stroke(color, width);
        var rect = new SKRect(inset, inset, sheet.Width - inset, sheet.Height - inset);
        if (radius > 0)
        {
            sheet.Canvas.DrawRoundRect(rect, radius, radius, paint);
        }
        else
        {
            sheet.Canvas.DrawRect(rect, paint);
        }
    }

    /// <summary>Diploma-style double frame with small corner ornaments.</summary>
    public static void OrnateBorder(Sheet sheet, float inset, SKColor color)
    {
        Border(sheet, inset, color, 10);
        Border(sheet, inset + 22, color, 3);
        using var fill = Sheet.Fill(color);
        foreach (var (x, y) in new[] { (inset + 22, inset + 22), (sheet.Width - inset - 22, inset + 22), (inset + 22, sheet.Height - inset - 22), (sheet.Width - inset - 22, sheet.Height - inset - 22) })
        {
            sheet.Canvas.Save();
            sheet.Canvas.RotateDegrees(45, x, y);
            sheet.Canvas.DrawRect(x - 14, y - 14, 28, 28, fill);
            sheet.Canvas.Restore();
        }
    }
}

using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>Small drawings that appear on identity cards: chip, fingerprints, seal, signature.</summary>
public static class CardParts
{
    /// <summary>Gold contact chip with the usual six-pad split.</summary>
    public static void Chip(SKCanvas canvas, SKRect rect)
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(rect.Left, rect.Top), new SKPoint(rect.Right, rect.Bottom),
            [new SKColor(0xE9, 0xCF, 0x7A), new SKColor(0xC4, 0x9A, 0x3A)], SKShaderTileMode.Clamp);
        using var body = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawRoundRect(rect, rect.Width * 0.12f, rect.Width * 0.12f, body);
        using var line = Sheet.Stroke(new SKColor(0x8A, 0x6A, 0x24), Math.Max(1.5f, rect.Width * 0.025f));
        canvas.DrawLine(rect.MidX, rect.Top + (rect.Height * 0.25f), rect.MidX, rect.Bottom - (rect.Height * 0.25f), line);
        canvas.DrawLine(rect.Left, rect.Top + (rect.Height / 3), rect.Right, rect.Top + (rect.Height / 3), line);
        canvas.DrawLine(rect.Left, rect.Top + (rect.Height * 2 / 3), rect.Right, rect.Top + (rect.Height * 2 / 3), line);
        canvas.DrawRoundRect(new SKRect(rect.MidX - (rect.Width * 0.18f), rect.Top + (rect.Height * 0.25f), rect.MidX + (rect.Width * 0.18f), rect.Bottom - (rect.Height * 0.25f)), 4, 4, line);
    }

    /// <summary>A swirl of concentric, slightly wobbly loops, enough to read as a fingerprint.</summary>
    public static void Fingerprint(SKCanvas canvas, SKRect box, Random random)
    {
        using var frame = Sheet.Stroke(Ink.Label, 2);
        canvas.DrawRect(box, frame);
        using var ridge = Sheet.Stroke(new SKColor(0x3A, 0x3A, 0x48, 0xD0), 2.2f);
        var cx = box.MidX + ((float)random.NextDouble() - 0.5f) * box.Width * 0.1f;
        var cy = box.MidY + ((float)random.NextDouble() - 0.5f) * box.Height * 0.1f;
        var wobble = 0.05f + ((float)random.NextDouble() * 0.05f);
        var phase = (float)(random.NextDouble() * Math.PI * 2);
        canvas.Save();
        canvas.ClipRect(box);
        for (var ring = 1; ring <= 14; ring++)
        {
            var rx = box.Width * 0.03f * ring;
            var ry = box.Height * 0.035f * ring;
            using var builder = new SKPathBuilder();
            for (var step = 0; step <= 72; step++)
            {
                var t = step / 72f * MathF.PI * 2 * 0.92f;
                var r = 1 + (wobble * MathF.Sin((t * 3) + phase + ring));
                var point = new SKPoint(cx + (rx * r * MathF.Cos(t + (ring * 0.3f))), cy + (ry * r * MathF.Sin(t + (ring * 0.3f))));
                if (step == 0)
                {
                    builder.MoveTo(point);
                }
                else
                {
                    builder.LineTo(point);
                }
            }

            using (var path = builder.Detach())
            {
                canvas.DrawPath(path, ridge);
            }
        }

        canvas.Restore();
    }

    /// <summary>A red round official seal with a star; text-free so it never collides with ground truth.</summary>
    public static void RoundSeal(SKCanvas canvas, float cx, float cy, float radius)
    {
        using var ring = Sheet.Stroke(Ink.StampRed, radius * 0.07f);
        canvas.DrawCircle(cx, cy, radius, ring);
        canvas.DrawCircle(cx, cy, radius * 0.72f, ring);
        using var dots = Sheet.Fill(Ink.StampRed);
        for (var i = 0; i < 36; i++)
        {
            var angle = i * Math.PI / 18;
            canvas.DrawCircle(cx + (radius * 0.86f * (float)Math.Cos(angle)), cy + (radius * 0.86f * (float)Math.Sin(angle)), radius * 0.035f, dots);
        }

        using var star = Emblem.StarPath(cx, cy, radius * 0.4f, radius * 0.16f);
        canvas.DrawPath(star, dots);
    }

    /// <summary>A handwritten-looking scribble.</summary>
    public static void Signature(SKCanvas canvas, float x, float y, float width, Random random, SKColor color)
    {
        using var pen = Sheet.Stroke(color, Math.Max(2, width / 70));
        pen.StrokeCap = SKStrokeCap.Round;
        using var builder = new SKPathBuilder();
        builder.MoveTo(x, y);
        var loops = 4 + random.Next(3);
        for (var i = 1; i <= loops; i++)
        {
            var px = x + (width * i / loops);
            var height = width * (0.12f + ((float)random.NextDouble() * 0.15f));
            builder.CubicTo(px - (width / loops * 0.8f), y - height, px - (width / loops * 0.2f), y + (height * 0.6f), px, y - (height * 0.2f));
        }

        builder.LineTo(x + (width * 0.2f), y + (width * 0.06f));
        using (var path = builder.Detach())
        {
            canvas.DrawPath(path, pen);
        }
    }
}

using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>
/// A stand-in for the national emblem: red disc, gold ring and star, cog-like rim. Deliberately not the real
/// emblem artwork; it only has to look like "a red and gold round seal" to a detector.
/// </summary>
public static class Emblem
{
    public static void Draw(SKCanvas canvas, float cx, float cy, float radius)
    {
        using var gold = Sheet.Fill(Ink.Gold);
        using var red = Sheet.Fill(Ink.Red);
        // Cog teeth around the rim.
        for (var i = 0; i < 24; i++)
        {
            canvas.Save();
            canvas.RotateDegrees(i * 15, cx, cy);
            canvas.DrawRect(cx - (radius * 0.07f), cy - radius, radius * 0.14f, radius * 0.2f, gold);
            canvas.Restore();
        }

        canvas.DrawCircle(cx, cy, radius * 0.88f, gold);
        canvas.DrawCircle(cx, cy, radius * 0.74f, red);
        using var star = StarPath(cx, cy - (radius * 0.08f), radius * 0.42f, radius * 0.17f);
        canvas.DrawPath(star, gold);
        // Rice-ear arcs and the base band.
        using var arc = Sheet.Stroke(Ink.Gold, radius * 0.08f);
        canvas.DrawArc(new SKRect(cx - (radius * 0.66f), cy - (radius * 0.66f), cx + (radius * 0.66f), cy + (radius * 0.66f)), 100, 160, false, arc);
        canvas.DrawArc(new SKRect(cx - (radius * 0.66f), cy - (radius * 0.66f), cx + (radius * 0.66f), cy + (radius * 0.66f)), -80, -160, false, arc);
        canvas.DrawRect(cx - (radius * 0.35f), cy + (radius * 0.48f), radius * 0.7f, radius * 0.12f, gold);
    }

    public static SKPath StarPath(float cx, float cy, float outer, float inner)
    {
        using var builder = new SKPathBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? outer : inner;
            var angle = (-Math.PI / 2) + (i * Math.PI / 5);
            var point = new SKPoint(cx + (r * (float)Math.Cos(angle)), cy + (r * (float)Math.Sin(angle)));
            if (i == 0)
            {
                builder.MoveTo(point);
            }
            else
            {
                builder.LineTo(point);
            }
        }

        builder.Close();
        return builder.Detach();
    }
}

using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>The surface a document lies on when photographed: wood grain, laminate or a cloth mat.</summary>
public static class DeskBackground
{
    private static readonly SKColor[] Bases =
    [
        new(0x8B, 0x5E, 0x3C), new(0xA6, 0x7B, 0x52), new(0x6E, 0x6E, 0x72), new(0x3B, 0x4A, 0x5E), new(0xC9, 0xBF, 0xAE),
    ];

    public static void Draw(SKCanvas canvas, int width, int height, Random random)
    {
        var baseColor = Bases[random.Next(Bases.Length)];
        canvas.Clear(baseColor);

        // Low-frequency blotches so the background is not a flat colour a detector could key out.
        for (var i = 0; i < 14; i++)
        {
            var shade = random.Next(2) == 0 ? SKColors.Black : SKColors.White;
            var center = new SKPoint((float)random.NextDouble() * width, (float)random.NextDouble() * height);
            var radius = width * (0.12f + ((float)random.NextDouble() * 0.2f));
            // A radial gradient gives the same soft edge as a blur mask at a fraction of the cost.
            using var shader = SKShader.CreateRadialGradient(center, radius,
                [shade.WithAlpha((byte)random.Next(8, 24)), shade.WithAlpha(0)], SKShaderTileMode.Clamp);
            using var blotch = new SKPaint { Shader = shader, IsAntialias = true };
            canvas.DrawCircle(center, radius, blotch);
        }

        // Grain: long wavy strokes in a slightly darker tone.
        var grainCount = 60 + random.Next(60);
        var tilt = (float)Imaging.Uniform(random, -0.08, 0.08);
        for (var i = 0; i < grainCount; i++)
        {
            using var stroke = new SKPaint
            {
                Color = SKColors.Black.WithAlpha((byte)random.Next(6, 28)),
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = 1 + ((float)random.NextDouble() * 4),
            };
            using var builder = new SKPathBuilder();
            var y0 = (float)random.NextDouble() * height;
            var amplitude = 2 + ((float)random.NextDouble() * 10);
            var period = 200 + ((float)random.NextDouble() * 600);
            var phase = (float)random.NextDouble() * 6.28f;
            builder.MoveTo(0, y0);
            for (var x = 8f; x <= width; x += 8)
            {
                builder.LineTo(x, y0 + (x * tilt) + (amplitude * MathF.Sin((x / period * 6.28f) + phase)));
            }

            using (var path = builder.Detach())
            {
                canvas.DrawPath(path, stroke);
            }
        }
    }
}

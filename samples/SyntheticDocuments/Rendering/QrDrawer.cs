using QRCoder;
using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>
/// Draws a QR code module by module, so the geometry (and hence the bytes) is under our control rather than
/// QRCoder's image renderer.
/// </summary>
public static class QrDrawer
{
    /// <summary>Draws the code with its top-left corner at (x, y) and returns the side actually used.</summary>
    public static float Draw(SKCanvas canvas, string payload, float x, float y, float maxSide)
    {
        using var generator = new QRCodeGenerator();
        // forceUtf8: Vietnamese text must be UTF-8 (with an ECI header) for readers to decode diacritics.
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        // QRCoder already includes a 4-module quiet zone in the matrix; keep it white.
        var modules = matrix.Count;
        var moduleSize = MathF.Floor(maxSide / modules);
        if (moduleSize < 2)
        {
            moduleSize = maxSide / modules;
        }

        var side = moduleSize * modules;
        using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawRect(x, y, side, side, white);
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (matrix[row][column])
                {
                    canvas.DrawRect(x + (column * moduleSize), y + (row * moduleSize), moduleSize, moduleSize, black);
                }
            }
        }

        return side;
    }
}

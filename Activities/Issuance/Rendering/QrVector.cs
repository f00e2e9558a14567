using PdfSharp.Drawing;
using QRCoder;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>Draws a QR code as vector rectangles (sharp at any zoom and print size; no bitmap to re-encode).</summary>
public static class QrVector
{
    public static void Draw(XGraphics graphics, string text, XRect area)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var size = Math.Min(area.Width, area.Height) / modules;
        graphics.DrawRectangle(XBrushes.White, area.X, area.Y, size * modules, size * modules);
        for (var row = 0; row < modules; row++)
        {
            // One rectangle per run of dark modules keeps the content stream small.
            var column = 0;
            while (column < modules)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < modules && matrix[row][column])
                {
                    column++;
                }
                graphics.DrawRectangle(XBrushes.Black, area.X + start * size, area.Y + row * size, (column - start) * size, size);
            }
        }
    }
}

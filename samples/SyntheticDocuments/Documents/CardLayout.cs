using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.Codes;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Shared geometry and chrome of ID-1 cards at 300 dpi.</summary>
public static class CardLayout
{
    /// <summary>85.6 mm at 300 dpi.</summary>
    public const int Width = 1011;

    /// <summary>54 mm at 300 dpi.</summary>
    public const int Height = 638;

    public const float LabelSize = 19;
    public const float ValueSize = 25;

    public static Sheet NewCard(Random random, SKColor from, SKColor to, SKColor pattern)
    {
        var sheet = new Sheet(Width, Height, SKColors.White);
        Backgrounds.Gradient(sheet, from, to);
        Backgrounds.Guilloche(sheet, random, pattern, 46, 1.1f);
        Backgrounds.Rosette(sheet, Width * 0.62f, Height * 0.62f, Height * 0.36f, pattern, 18);
        Backgrounds.Border(sheet, 3, new SKColor(0x9A, 0xA8, 0xA4), 3, 28);
        return sheet;
    }

    /// <summary>The national motto block that heads the front of every Vietnamese card.</summary>
    public static void NationalHeader(Sheet sheet, float centerX)
    {
        sheet.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centerX, 50, Fonts.SansBold, 23, Ink.Black, SKTextAlign.Center);
        sheet.Text("SOCIALIST REPUBLIC OF VIET NAM", centerX, 76, Fonts.Sans, 18, Ink.Black, SKTextAlign.Center);
        sheet.Text("Độc lập - Tự do - Hạnh phúc", centerX, 104, Fonts.SansBold, 21, Ink.Black, SKTextAlign.Center);
        sheet.Text("Independence - Freedom - Happiness", centerX, 128, Fonts.Sans, 17, Ink.Black, SKTextAlign.Center);
    }

    /// <summary>"Label: value" with the card's label/value styles.</summary>
    public static float LabelValue(Sheet sheet, string label, string value, float x, float y, float maxWidth, float valueSize = ValueSize) =>
        sheet.LabelValue(label, value, x, y, maxWidth, Fonts.Sans, LabelSize, Fonts.SansBold, valueSize, Ink.Label, Ink.Black);

    /// <summary>The three OCR-B lines on a pale band along the bottom edge.</summary>
    public static void MrzBand(Sheet sheet, MachineReadableZone mrz, float top)
    {
        using var band = Sheet.Fill(new SKColor(0xFA, 0xFA, 0xF7, 0xE8));
        sheet.Canvas.DrawRect(10, top, Width - 20, Height - top - 10, band);
        // ICAO 10 characters per inch: 30 characters span about 76 mm; size the font to that pitch.
        var advanceAtOne = Sheet.Measure(new string('<', MachineReadableZone.LineLength), Fonts.OcrB, 1);
        var size = (Width - 90) / advanceAtOne;
        var pitch = (Height - top - 20) / 3f;
        string[] lines = [mrz.Line1, mrz.Line2, mrz.Line3];
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Text(lines[i], 45, top + (pitch * (i + 0.78f)), Fonts.OcrB, size, Ink.Black);
        }
    }
}

using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Shared geometry and chrome of A4 documents at 200 dpi.</summary>
public static class A4Layout
{
    public const int ShortSide = 1654;
    public const int LongSide = 2339;

    /// <summary>Body text of official paper documents is 12-13 pt; at 200 dpi a point is 200/72 px.</summary>
    public const float Point = 200f / 72f;

    public const float BodySize = 12.5f * Point;
    public const float LineHeight = BodySize * 1.75f;

    public static Sheet NewPage(Random random, bool landscape, SKColor paper, SKColor pattern)
    {
        var sheet = landscape ? new Sheet(LongSide, ShortSide, paper) : new Sheet(ShortSide, LongSide, paper);
        Backgrounds.Guilloche(sheet, random, pattern, 70, 1.4f);
        Backgrounds.Rosette(sheet, sheet.Width / 2f, sheet.Height * 0.5f, Math.Min(sheet.Width, sheet.Height) * 0.28f, pattern, 24);
        return sheet;
    }

    /// <summary>The national motto, bold, with the short rule under "Độc lập - Tự do - Hạnh phúc".</summary>
    public static float NationalHeader(Sheet sheet, float centerX, float y, float scale = 1)
    {
        var size = 13 * Point * scale;
        sheet.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centerX, y, Fonts.SerifBold, size, Ink.Black, SKTextAlign.Center);
        var motto = "Độc lập - Tự do - Hạnh phúc";
        var second = y + (size * 1.5f);
        var width = sheet.Text(motto, centerX, second, Fonts.SerifBold, size * 0.95f, Ink.Black, SKTextAlign.Center);
        using var rule = Sheet.Stroke(Ink.Black, 2.5f);
        sheet.Canvas.DrawLine(centerX - (width / 2), second + (size * 0.35f), centerX + (width / 2), second + (size * 0.35f), rule);
        return second + (size * 0.35f);
    }

    public static float LabelValue(Sheet sheet, string label, string value, float x, float y, float maxWidth) =>
        sheet.LabelValue(label, value, x, y, maxWidth, Fonts.Serif, BodySize, Fonts.SerifBold, BodySize, Ink.Label, Ink.DarkBlue);

    /// <summary>A label followed by a value that may wrap; returns the baseline of the last line.</summary>
    public static float LabelParagraph(Sheet sheet, string label, string value, float x, float y, float maxWidth, int maxLines = 2)
    {
        var indent = sheet.Text(label + " ", x, y, Fonts.Serif, BodySize, Ink.Label);
        return sheet.Paragraph(value, x, y, maxWidth, LineHeight, maxLines, Fonts.SerifBold, BodySize, Ink.DarkBlue, indent);
    }

    /// <summary>Title of the signing officer, round seal, scribble and printed name.</summary>
    public static void SignatureBlock(Sheet sheet, float centerX, float y, string title, string signer, Random random)
    {
        sheet.TextFit(title, centerX, y, sheet.Width * 0.4f, Fonts.SerifBold, 13 * Point, Ink.Black, SKTextAlign.Center);
        CardParts.RoundSeal(sheet.Canvas, centerX - 90, y + 170, 120);
        CardParts.Signature(sheet.Canvas, centerX - 60, y + 180, 240, random, Ink.DarkBlue);
        sheet.Text(signer, centerX, y + 340, Fonts.SerifBold, 13 * Point, Ink.Black, SKTextAlign.Center);
    }
}

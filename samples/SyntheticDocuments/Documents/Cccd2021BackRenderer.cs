using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Back of the 2021 CCCD: identifying mark, issue date and signer, two index fingerprints, chip, MRZ.</summary>
public static class Cccd2021BackRenderer
{
    public static RenderedPage Render(CardData card)
    {
        var random = new Random(card.Seed ^ 0x5A5A);
        using var sheet = CardLayout.NewCard(random, new SKColor(0xEE, 0xF3, 0xF7), new SKColor(0xF7, 0xF0, 0xE2), new SKColor(0xA8, 0xC0, 0xD4, 0x70));
        const float x = 40;
        sheet.Text("Đặc điểm nhân dạng / Personal identification:", x, 52, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.TextFit(card.IdentifyingMark, x, 86, 540, Fonts.SansBold, 22, Ink.Black);
        var issue = VietnameseText.Date(card.IssueDate);
        CardLayout.LabelValue(sheet, "Ngày, tháng, năm / Date, month, year:", issue, x, 132, 560, 23);
        sheet.Text("CỤC TRƯỞNG CỤC CẢNH SÁT", 300, 178, Fonts.SansBold, 20, Ink.Black, SKTextAlign.Center);
        sheet.Text("QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", 300, 204, Fonts.SansBold, 20, Ink.Black, SKTextAlign.Center);
        CardParts.RoundSeal(sheet.Canvas, 235, 305, 72);
        CardParts.Signature(sheet.Canvas, 255, 320, 170, random, Ink.DarkBlue);
        sheet.Text(card.Signer.FullName, 300, 418, Fonts.SansBold, 22, Ink.Black, SKTextAlign.Center);

        CardParts.Fingerprint(sheet.Canvas, new SKRect(630, 30, 795, 235), random);
        CardParts.Fingerprint(sheet.Canvas, new SKRect(815, 30, 980, 235), random);
        sheet.Text("Ngón trỏ trái", 712, 260, Fonts.Sans, 16, Ink.Label, SKTextAlign.Center);
        sheet.Text("Left index finger", 712, 281, Fonts.Sans, 15, Ink.Label, SKTextAlign.Center);
        sheet.Text("Ngón trỏ phải", 897, 260, Fonts.Sans, 16, Ink.Label, SKTextAlign.Center);
        sheet.Text("Right index finger", 897, 281, Fonts.Sans, 15, Ink.Label, SKTextAlign.Center);
        CardParts.Chip(sheet.Canvas, new SKRect(700, 305, 840, 410));

        CardLayout.MrzBand(sheet, card.Mrz, 440);

        var person = card.Holder;
        var fields = new Dictionary<string, string>
        {
            ["issueDate"] = issue,
            ["mrzLine1"] = card.Mrz.Line1,
            ["mrzLine2"] = card.Mrz.Line2,
            ["mrzLine3"] = card.Mrz.Line3,
            ["idNumber"] = person.IdNumber,
            ["dateOfBirth"] = VietnameseText.Date(person.DateOfBirth),
            ["sex"] = person.Sex.Label(),
            ["expiryDate"] = card.ExpiryText,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.Cccd2021Back, fields, IsCard: true);
    }
}

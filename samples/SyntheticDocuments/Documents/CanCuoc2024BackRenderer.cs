using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Back of the 2024 "Căn cước": QR top left, residence and birth registration, dates, issuer, MRZ.</summary>
public static class CanCuoc2024BackRenderer
{
    public static RenderedPage Render(CardData card)
    {
        var random = new Random(card.Seed ^ 0x4202);
        var person = card.Holder;
        using var sheet = CardLayout.NewCard(random, new SKColor(0xEE, 0xF4, 0xF8), new SKColor(0xF6, 0xEF, 0xF5), new SKColor(0xB6, 0xC4, 0xDC, 0x6A));
        QrDrawer.Draw(sheet.Canvas, card.QrPayload, 28, 26, 200);
        CardParts.Chip(sheet.Canvas, new SKRect(50, 285, 190, 390));

        const float x = 255;
        const float width = 730;
        sheet.Text("Nơi cư trú / Place of residence:", x, 52, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.Paragraph(person.PlaceOfResidence, x, 86, width, 33, 2, Fonts.SansBold, CardLayout.ValueSize - 1, Ink.Black);
        sheet.Text("Nơi đăng ký khai sinh / Place of birth:", x, 162, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.TextFit(person.PlaceOfBirthRegistration, x, 196, width, Fonts.SansBold, CardLayout.ValueSize - 1, Ink.Black);
        var issue = VietnameseText.Date(card.IssueDate);
        CardLayout.LabelValue(sheet, "Ngày, tháng, năm cấp / Date of issue:", issue, x, 246, width);
        CardLayout.LabelValue(sheet, "Ngày, tháng, năm hết hạn / Date of expiry:", card.ExpiryText, x, 286, width);
        sheet.Text("BỘ CÔNG AN", 610, 342, Fonts.SansBold, 24, Ink.Black, SKTextAlign.Center);
        sheet.Text("MINISTRY OF PUBLIC SECURITY", 610, 370, Fonts.Sans, 18, Ink.Black, SKTextAlign.Center);
        CardParts.RoundSeal(sheet.Canvas, 850, 370, 52);

        CardLayout.MrzBand(sheet, card.Mrz, 440);

        var fields = new Dictionary<string, string>
        {
            ["placeOfResidence"] = person.PlaceOfResidence,
            ["placeOfBirthRegistration"] = person.PlaceOfBirthRegistration,
            ["issueDate"] = issue,
            ["expiryDate"] = card.ExpiryText,
            ["mrzLine1"] = card.Mrz.Line1,
            ["mrzLine2"] = card.Mrz.Line2,
            ["mrzLine3"] = card.Mrz.Line3,
            ["idNumber"] = person.IdNumber,
            ["fullName"] = person.Name.Upper,
            ["dateOfBirth"] = VietnameseText.Date(person.DateOfBirth),
            ["sex"] = person.Sex.Label(),
            ["qrPayload"] = card.QrPayload,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.CanCuoc2024Back, fields, IsCard: true);
    }
}

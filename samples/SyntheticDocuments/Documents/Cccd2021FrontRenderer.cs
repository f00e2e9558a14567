using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Front of the 2021 chip "Căn cước công dân": QR top right, photo left, expiry under the photo.</summary>
public static class Cccd2021FrontRenderer
{
    public static RenderedPage Render(CardData card)
    {
        var random = new Random(card.Seed);
        var person = card.Holder;
        using var sheet = CardLayout.NewCard(random, new SKColor(0xE4, 0xF1, 0xEA), new SKColor(0xF5, 0xEC, 0xDA), new SKColor(0x9C, 0xC9, 0xB8, 0x70));
        Emblem.Draw(sheet.Canvas, 105, 100, 68);
        CardLayout.NationalHeader(sheet, 505);
        sheet.Text("CĂN CƯỚC CÔNG DÂN", 540, 182, Fonts.SansBold, 38, Ink.Red, SKTextAlign.Center);
        sheet.Text("Citizen Identity Card", 540, 210, Fonts.Sans, 20, Ink.Black, SKTextAlign.Center);
        QrDrawer.Draw(sheet.Canvas, card.QrPayload, 822, 22, 172);

        Portrait.Draw(sheet.Canvas, new SKRect(38, 190, 258, 470), random, person.Sex == Sex.Female, card.PortraitPhoto);
        sheet.Text("Có giá trị đến:", 40, 508, Fonts.Sans, 17, Ink.Label);
        sheet.Text("Date of expiry", 40, 530, Fonts.Sans, 16, Ink.Label);
        sheet.Text(card.ExpiryText, 40, 566, Fonts.SansBold, 23, Ink.Black);

        const float x = 290;
        const float width = 700;
        CardLayout.LabelValue(sheet, "Số / No.:", person.IdNumber, x, 262, width, 34);
        sheet.Text("Họ và tên / Full name:", x, 302, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.TextFit(person.Name.Upper, x, 342, width, Fonts.SansBold, 30, Ink.Black);
        CardLayout.LabelValue(sheet, "Ngày sinh / Date of birth:", VietnameseText.Date(person.DateOfBirth), x, 384, width);
        CardLayout.LabelValue(sheet, "Giới tính / Sex:", person.Sex.Label(), x, 422, 250);
        CardLayout.LabelValue(sheet, "Quốc tịch / Nationality:", "Việt Nam", x + 270, 422, width - 270);
        sheet.Text("Quê quán / Place of origin:", x, 460, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.TextFit(person.PlaceOfOrigin, x, 492, width, Fonts.SansBold, CardLayout.ValueSize - 1, Ink.Black);
        var residenceLabel = "Nơi thường trú / Place of residence: ";
        sheet.Text(residenceLabel, x, 532, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        var indent = Sheet.Measure(residenceLabel, Fonts.Sans, CardLayout.LabelSize);
        sheet.Paragraph(person.PlaceOfResidence, x, 532, width, 34, 2, Fonts.SansBold, CardLayout.ValueSize - 1, Ink.Black, indent);

        var fields = new Dictionary<string, string>
        {
            ["idNumber"] = person.IdNumber,
            ["fullName"] = person.Name.Upper,
            ["dateOfBirth"] = VietnameseText.Date(person.DateOfBirth),
            ["sex"] = person.Sex.Label(),
            ["nationality"] = "Việt Nam",
            ["placeOfOrigin"] = person.PlaceOfOrigin,
            ["placeOfResidence"] = person.PlaceOfResidence,
            ["expiryDate"] = card.ExpiryText,
            ["issueDate"] = VietnameseText.Date(card.IssueDate),
            ["qrPayload"] = card.QrPayload,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.Cccd2021Front, fields, IsCard: true);
    }
}

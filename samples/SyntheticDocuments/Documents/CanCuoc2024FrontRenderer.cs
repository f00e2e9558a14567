using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Front of the 2024 "Căn cước": no address and no QR on the front, bilingual labels above values.</summary>
public static class CanCuoc2024FrontRenderer
{
    public static RenderedPage Render(CardData card)
    {
        var random = new Random(card.Seed ^ 0x2024);
        var person = card.Holder;
        using var sheet = CardLayout.NewCard(random, new SKColor(0xF3, 0xEE, 0xF6), new SKColor(0xE6, 0xF0, 0xF8), new SKColor(0xC4, 0xB0, 0xD6, 0x6A));
        Emblem.Draw(sheet.Canvas, 105, 100, 68);
        CardLayout.NationalHeader(sheet, 560);
        sheet.Text("CĂN CƯỚC", 560, 188, Fonts.SansBold, 42, Ink.Red, SKTextAlign.Center);
        sheet.Text("IDENTITY CARD", 560, 216, Fonts.Sans, 21, Ink.Black, SKTextAlign.Center);

        Portrait.Draw(sheet.Canvas, new SKRect(38, 200, 258, 490), random, person.Sex == Sex.Female, card.PortraitPhoto);
        using (var hologram = Sheet.Stroke(new SKColor(0xB8, 0xA0, 0xC8, 0xA0), 3))
        {
            sheet.Canvas.DrawCircle(148, 560, 38, hologram);
            sheet.Canvas.DrawCircle(148, 560, 24, hologram);
        }

        const float x = 290;
        const float width = 700;
        sheet.Text("Số định danh cá nhân / Personal identification number", x, 262, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.Text(person.IdNumber, x, 304, Fonts.SansBold, 36, Ink.Black);
        sheet.Text("Họ, chữ đệm và tên khai sinh / Full name", x, 350, Fonts.Sans, CardLayout.LabelSize, Ink.Label);
        sheet.TextFit(person.Name.Upper, x, 392, width, Fonts.SansBold, 31, Ink.Black);
        CardLayout.LabelValue(sheet, "Ngày, tháng, năm sinh / Date of birth:", VietnameseText.Date(person.DateOfBirth), x, 442, width);
        CardLayout.LabelValue(sheet, "Giới tính / Sex:", person.Sex.Label(), x, 488, 250);
        CardLayout.LabelValue(sheet, "Quốc tịch / Nationality:", "Việt Nam", x + 270, 488, width - 270);

        var fields = new Dictionary<string, string>
        {
            ["idNumber"] = person.IdNumber,
            ["fullName"] = person.Name.Upper,
            ["dateOfBirth"] = VietnameseText.Date(person.DateOfBirth),
            ["sex"] = person.Sex.Label(),
            ["nationality"] = "Việt Nam",
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.CanCuoc2024Front, fields, IsCard: true);
    }
}

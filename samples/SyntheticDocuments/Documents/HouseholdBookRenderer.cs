using System.Globalization;
using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>
/// A page of the paper household registration book ("SỔ HỘ KHẨU"), abolished since 2023: the back office must
/// refuse it, so it only appears as an injected red flag.
/// </summary>
public static class HouseholdBookRenderer
{
    public static RenderedPage Render(Random random)
    {
        var dateOfBirth = PersonFactory.NextDate(random, new DateOnly(1950, 1, 1), new DateOnly(1995, 12, 31));
        var head = PersonFactory.Create(random, dateOfBirth);
        var bookNumber = random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        var issueDate = PersonFactory.NextDate(random, new DateOnly(2008, 1, 1), new DateOnly(2020, 12, 31));
        var authority = $"Công an {head.BirthRegistration.District.FullName}";

        using var sheet = new Sheet(A4Layout.ShortSide, A4Layout.LongSide, new SKColor(0xF6, 0xF1, 0xE4));
        Backgrounds.Border(sheet, 60, new SKColor(0x7A, 0x5A, 0x3A), 6);
        var center = sheet.Width / 2f;
        const float left = 170;
        var width = sheet.Width - 340f;
        Emblem.Draw(sheet.Canvas, center, 260, 110);
        A4Layout.NationalHeader(sheet, center, 470);
        sheet.Text("SỔ HỘ KHẨU", center, 700, Fonts.SerifBold, 30 * A4Layout.Point, Ink.Red, SKTextAlign.Center);
        A4Layout.LabelValue(sheet, "Số:", bookNumber, center - 250, 820, 600);

        var y = 1000f;
        var step = A4Layout.LineHeight * 1.3f;
        A4Layout.LabelValue(sheet, "Họ và tên chủ hộ:", head.Name.Upper, left, y, width);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "Nơi thường trú:", head.PlaceOfResidence, left, y, width) + step;
        A4Layout.LabelValue(sheet, "Ngày cấp:", VietnameseText.Date(issueDate), left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Cơ quan cấp:", authority, left, y, width);
        A4Layout.SignatureBlock(sheet, 1120, y + 200, "TRƯỞNG CÔNG AN", VietnameseNames.Next(random, Sex.Male).FullName, random);

        var fields = new Dictionary<string, string>
        {
            ["bookNumber"] = bookNumber,
            ["householdHead"] = head.Name.Upper,
            ["address"] = head.PlaceOfResidence,
            ["issueDate"] = VietnameseText.Date(issueDate),
            ["issuingAuthority"] = authority,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.HouseholdBook, fields, IsCard: false);
    }
}

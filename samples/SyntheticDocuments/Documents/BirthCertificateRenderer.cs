using System.Globalization;
using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>"GIẤY KHAI SINH" (original copy): registering authority and book top left, motto top right.</summary>
public static class BirthCertificateRenderer
{
    private static readonly string[] Ethnicities = ["Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "Nùng", "Hoa"];

    public static RenderedPage Render(Random random)
    {
        var dateOfBirth = PersonFactory.NextDate(random, new DateOnly(1985, 1, 1), new DateOnly(2020, 12, 31));
        var child = PersonFactory.Create(random, dateOfBirth);
        var father = VietnameseNames.Next(random, Sex.Male) with { Surname = child.Name.Surname };
        var mother = VietnameseNames.Next(random, Sex.Female);
        var fatherBirthYear = dateOfBirth.Year - random.Next(22, 38);
        var motherBirthYear = dateOfBirth.Year - random.Next(20, 35);
        var ethnicity = VietnameseNames.Pick(random, Ethnicities);
        var registrationDate = dateOfBirth.AddDays(random.Next(3, 60));
        var number = random.Next(1, 400).ToString(CultureInfo.InvariantCulture);
        var book = FormattableString.Invariant($"{random.Next(1, 3):D2}/{registrationDate.Year}");
        var locality = child.BirthRegistration;
        var authority = $"Ủy ban nhân dân {locality.WardFullName}";
        var residence = child.PlaceOfResidence;

        using var sheet = A4Layout.NewPage(random, landscape: false, new SKColor(0xFD, 0xFB, 0xF2), new SKColor(0xE6, 0xC9, 0xA8, 0x50));
        Backgrounds.OrnateBorder(sheet, 50, new SKColor(0xB0, 0x7A, 0x4A));
        const float left = 150;
        var width = sheet.Width - 300f;

        sheet.Paragraph(authority, 150, 230, 620, 46, 2, Fonts.SerifBold, 11.5f * A4Layout.Point, Ink.Black);
        sheet.Text($"Số: {number}", 150, 345, Fonts.Serif, A4Layout.BodySize, Ink.Black);
        sheet.Text($"Quyển số: {book}", 150, 400, Fonts.Serif, A4Layout.BodySize, Ink.Black);
        A4Layout.NationalHeader(sheet, 1140, 230, 0.95f);

        sheet.Text("GIẤY KHAI SINH", sheet.Width / 2f, 600, Fonts.SerifBold, 24 * A4Layout.Point, Ink.Red, SKTextAlign.Center);

        var y = 760f;
        var step = A4Layout.LineHeight * 1.15f;
        A4Layout.LabelValue(sheet, "Họ, chữ đệm, tên:", child.Name.Upper, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Ngày, tháng, năm sinh:", VietnameseText.Date(dateOfBirth), left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Giới tính:", child.Sex.Label(), left, y, 380);
        A4Layout.LabelValue(sheet, "Dân tộc:", ethnicity, left + 420, y, 380);
        A4Layout.LabelValue(sheet, "Quốc tịch:", "Việt Nam", left + 820, y, width - 820);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "Nơi sinh:", child.PlaceOfBirth, left, y, width) + step;
        y = A4Layout.LabelParagraph(sheet, "Quê quán:", child.PlaceOfOrigin, left, y, width) + (step * 1.3f);

        A4Layout.LabelValue(sheet, "Họ, chữ đệm, tên người mẹ:", mother.FullName, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Năm sinh:", motherBirthYear.ToString(CultureInfo.InvariantCulture), left, y, 380);
        A4Layout.LabelValue(sheet, "Dân tộc:", ethnicity, left + 420, y, 380);
        A4Layout.LabelValue(sheet, "Quốc tịch:", "Việt Nam", left + 820, y, width - 820);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "Nơi cư trú:", residence, left, y, width) + (step * 1.3f);

        A4Layout.LabelValue(sheet, "Họ, chữ đệm, tên người cha:", father.FullName, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Năm sinh:", fatherBirthYear.ToString(CultureInfo.InvariantCulture), left, y, 380);
        A4Layout.LabelValue(sheet, "Dân tộc:", ethnicity, left + 420, y, 380);
        A4Layout.LabelValue(sheet, "Quốc tịch:", "Việt Nam", left + 820, y, width - 820);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "Nơi cư trú:", residence, left, y, width) + (step * 1.3f);

        A4Layout.LabelValue(sheet, "Nơi đăng ký khai sinh:", authority, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Ngày đăng ký:", VietnameseText.Date(registrationDate), left, y, width);

        A4Layout.SignatureBlock(sheet, 1130, y + 150, "NGƯỜI KÝ GIẤY KHAI SINH", VietnameseNames.Next(random, Sex.Male).FullName, random);

        var fields = new Dictionary<string, string>
        {
            ["fullName"] = child.Name.Upper,
            ["dateOfBirth"] = VietnameseText.Date(dateOfBirth),
            ["sex"] = child.Sex.Label(),
            ["ethnicity"] = ethnicity,
            ["nationality"] = "Việt Nam",
            ["placeOfBirth"] = child.PlaceOfBirth,
            ["fatherName"] = father.FullName,
            ["motherName"] = mother.FullName,
            ["registrationNumber"] = number,
            ["registrationBook"] = book,
            ["registrationDate"] = VietnameseText.Date(registrationDate),
            ["issuingAuthority"] = authority,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.BirthCertificate, fields, IsCard: false);
    }
}

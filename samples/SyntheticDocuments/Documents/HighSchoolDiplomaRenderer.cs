using System.Globalization;
using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>"BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG", issued by the provincial Department of Education.</summary>
public static class HighSchoolDiplomaRenderer
{
    public static RenderedPage Render(Random random)
    {
        var dateOfBirth = PersonFactory.NextDate(random, new DateOnly(1980, 1, 1), new DateOnly(2006, 12, 31));
        var student = PersonFactory.Create(random, dateOfBirth);
        var graduationYear = dateOfBirth.Year + 18;
        var issueDate = PersonFactory.NextDate(random, new DateOnly(graduationYear, 7, 15), new DateOnly(graduationYear, 9, 30));
        var province = student.BirthRegistration.Province;
        var placeOfBirth = province.Name;
        var (classification, _) = VietnameseNames.Pick(random, Academics.Classifications.Where(c => c.Vietnamese != "Xuất sắc").ToArray());
        var authority = $"GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO {ProvinceTitle(province)}";
        var serial = FormattableString.Invariant($"{(char)('A' + random.Next(0, 3))}{random.Next(0, 10_000_000):D7}");
        var registry = FormattableString.Invariant($"{random.Next(1, 100_000):D5}/TN{graduationYear % 100:D2}");
        var year = graduationYear.ToString(CultureInfo.InvariantCulture);

        using var sheet = A4Layout.NewPage(random, landscape: false, new SKColor(0xFB, 0xF7, 0xEA), new SKColor(0xB9, 0xCF, 0xA4, 0x50));
        Backgrounds.OrnateBorder(sheet, 50, new SKColor(0x2F, 0x6B, 0x3A));
        var center = sheet.Width / 2f;
        var width = sheet.Width - 340f;
        const float left = 170;
        A4Layout.NationalHeader(sheet, center, 230);
        sheet.Paragraph(authority, left, 430, width, 60, 2, Fonts.SerifBold, 14 * A4Layout.Point, Ink.Black);
        sheet.Text("cấp", center, 560, Fonts.Serif, A4Layout.BodySize, Ink.Black, SKTextAlign.Center);
        sheet.Text("BẰNG TỐT NGHIỆP", center, 690, Fonts.SerifBold, 24 * A4Layout.Point, Ink.Red, SKTextAlign.Center);
        sheet.Text("TRUNG HỌC PHỔ THÔNG", center, 790, Fonts.SerifBold, 20 * A4Layout.Point, Ink.Red, SKTextAlign.Center);

        var y = 960f;
        var step = A4Layout.LineHeight * 1.3f;
        A4Layout.LabelValue(sheet, "Cho:", student.Name.FullName, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Ngày sinh:", VietnameseText.Date(dateOfBirth), left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Nơi sinh:", placeOfBirth, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Năm tốt nghiệp:", year, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Xếp loại tốt nghiệp:", classification, left, y, width);
        y += step;
        A4Layout.LabelValue(sheet, "Ngày cấp:", VietnameseText.Date(issueDate), left, y, width);

        sheet.Text(FormattableString.Invariant($"{province.Name}, ngày {issueDate.Day:D2} tháng {issueDate.Month:D2} năm {issueDate.Year}"),
            1120, y + 160, Fonts.Serif, A4Layout.BodySize, Ink.Black, SKTextAlign.Center);
        A4Layout.SignatureBlock(sheet, 1120, y + 230, "GIÁM ĐỐC", VietnameseNames.Next(random, Sex.Male).FullName, random);

        A4Layout.LabelValue(sheet, "Số hiệu:", serial, left, 2060, 700);
        A4Layout.LabelValue(sheet, "Số vào sổ cấp bằng:", registry, left, 2130, 700);

        var fields = new Dictionary<string, string>
        {
            ["fullName"] = student.Name.FullName,
            ["dateOfBirth"] = VietnameseText.Date(dateOfBirth),
            ["placeOfBirth"] = placeOfBirth,
            ["graduationYear"] = year,
            ["classification"] = classification,
            ["issueDate"] = VietnameseText.Date(issueDate),
            ["serialNumber"] = serial,
            ["registryNumber"] = registry,
            ["issuingAuthority"] = authority,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.HighSchoolDiploma, fields, IsCard: false);
    }

    /// <summary>Departments are named after the province in full ("THÀNH PHỐ HỒ CHÍ MINH", not "TP.").</summary>
    private static string ProvinceTitle(Province province) =>
        VietnameseText.Upper(province.Name.Replace("TP. ", "Thành phố ", StringComparison.Ordinal));
}

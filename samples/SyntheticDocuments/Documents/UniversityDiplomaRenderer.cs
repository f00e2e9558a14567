using System.Globalization;
using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Landscape university diploma: English text on the left half, Vietnamese on the right, as issued.</summary>
public static class UniversityDiplomaRenderer
{
    public static RenderedPage Render(Random random)
    {
        var institution = VietnameseNames.Pick(random, Academics.Universities);
        var (major, majorEnglish) = VietnameseNames.Pick(random, Academics.Majors);
        var (classification, classificationEnglish) = VietnameseNames.Pick(random, Academics.Classifications);
        var dateOfBirth = PersonFactory.NextDate(random, new DateOnly(1975, 1, 1), new DateOnly(2002, 12, 31));
        var graduate = PersonFactory.Create(random, dateOfBirth);
        var issueDate = PersonFactory.NextDate(random, new DateOnly(dateOfBirth.Year + 22, 6, 1), new DateOnly(dateOfBirth.Year + 23, 10, 31));
        var bachelor = random.Next(2) == 0;
        var title = bachelor ? "BẰNG CỬ NHÂN" : "BẰNG TỐT NGHIỆP ĐẠI HỌC";
        var serial = random.Next(2) == 0
            ? FormattableString.Invariant($"{institution.SerialPrefix}-{issueDate.Year}-{random.Next(0, 1_000_000):D6}")
            : random.Next(100_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        var registry = FormattableString.Invariant($"{random.Next(1, 20_000):D5}/{issueDate.Year}");
        var issue = VietnameseText.Date(issueDate);

        using var sheet = A4Layout.NewPage(random, landscape: true, new SKColor(0xFC, 0xF8, 0xEC), new SKColor(0xD8, 0xC0, 0x8E, 0x50));
        Backgrounds.OrnateBorder(sheet, 40, new SKColor(0x9E, 0x2A, 0x2B));
        var leftCenter = sheet.Width * 0.27f;
        var rightCenter = sheet.Width * 0.71f;
        using (var divider = Sheet.Stroke(new SKColor(0x9E, 0x2A, 0x2B, 0x80), 3))
        {
            sheet.Canvas.DrawLine(sheet.Width * 0.5f, 140, sheet.Width * 0.5f, sheet.Height - 140, divider);
        }

        var half = sheet.Width * 0.42f;
        var body = A4Layout.BodySize * 1.1f;

        // English side (not ground truth; present because real diplomas are bilingual).
        sheet.Text("SOCIALIST REPUBLIC OF VIETNAM", leftCenter, 210, Fonts.SerifBold, 13 * A4Layout.Point, Ink.Black, SKTextAlign.Center);
        sheet.Text("Independence - Freedom - Happiness", leftCenter, 265, Fonts.SerifBold, 12 * A4Layout.Point, Ink.Black, SKTextAlign.Center);
        sheet.Text("THE PRESIDENT OF", leftCenter, 400, Fonts.SerifBold, body, Ink.Black, SKTextAlign.Center);
        sheet.TextFit(institution.EnglishName, leftCenter, 455, half, Fonts.SerifBold, body, Ink.Black, SKTextAlign.Center);
        sheet.Text("confers", leftCenter, 540, Fonts.Serif, body, Ink.Black, SKTextAlign.Center);
        sheet.TextFit(bachelor ? "THE DEGREE OF BACHELOR" : "THE DEGREE OF UNIVERSITY GRADUATE", leftCenter, 650, half, Fonts.SerifBold, 20 * A4Layout.Point, Ink.Red, SKTextAlign.Center);
        sheet.Text($"in {majorEnglish}", leftCenter, 740, Fonts.Serif, body, Ink.Black, SKTextAlign.Center);
        var ascii = VietnameseText.RemoveDiacritics(graduate.Name.FullName);
        sheet.Text($"Upon: {ascii}", leftCenter - (half / 2), 860, Fonts.Serif, body, Ink.Label);
        sheet.Text($"Date of birth: {VietnameseText.Date(dateOfBirth)}", leftCenter - (half / 2), 940, Fonts.Serif, body, Ink.Label);
        sheet.Text($"Degree classification: {classificationEnglish}", leftCenter - (half / 2), 1020, Fonts.Serif, body, Ink.Label);
        var x = leftCenter - (half / 2);
        A4Layout.LabelValue(sheet, "Số hiệu / Serial No.:", serial, x, 1260, half);
        A4Layout.LabelValue(sheet, "Số vào sổ cấp bằng / Reg. No.:", registry, x, 1330, half);
        A4Layout.LabelValue(sheet, "Ngày cấp / Date of issue:", issue, x, 1400, half);

        // Vietnamese side.
        A4Layout.NationalHeader(sheet, rightCenter, 210);
        sheet.Text("HIỆU TRƯỞNG", rightCenter, 400, Fonts.SerifBold, body, Ink.Black, SKTextAlign.Center);
        sheet.TextFit(institution.Name, rightCenter, 455, half, Fonts.SerifBold, body, Ink.Black, SKTextAlign.Center);
        sheet.Text("cấp", rightCenter, 540, Fonts.Serif, body, Ink.Black, SKTextAlign.Center);
        sheet.TextFit(title, rightCenter, 650, half, Fonts.SerifBold, 22 * A4Layout.Point, Ink.Red, SKTextAlign.Center);
        var vx = rightCenter - (half / 2);
        A4Layout.LabelValue(sheet, "Ngành:", major, vx, 760, half);
        A4Layout.LabelValue(sheet, "Họ và tên:", graduate.Name.FullName, vx, 850, half);
        A4Layout.LabelValue(sheet, "Ngày sinh:", VietnameseText.Date(dateOfBirth), vx, 930, half);
        A4Layout.LabelValue(sheet, "Xếp loại tốt nghiệp:", classification, vx, 1010, half);
        sheet.Text(FormattableString.Invariant($"{institution.City}, ngày {issueDate.Day:D2} tháng {issueDate.Month:D2} năm {issueDate.Year}"),
            rightCenter + 120, 1110, Fonts.Serif, A4Layout.BodySize, Ink.Black, SKTextAlign.Center);
        A4Layout.SignatureBlock(sheet, rightCenter + 120, 1170, "HIỆU TRƯỞNG", $"PGS.TS. {VietnameseNames.Next(random, Sex.Male).FullName}", random);

        var fields = new Dictionary<string, string>
        {
            ["fullName"] = graduate.Name.FullName,
            ["dateOfBirth"] = VietnameseText.Date(dateOfBirth),
            ["major"] = major,
            ["classification"] = classification,
            ["issueDate"] = issue,
            ["serialNumber"] = serial,
            ["registryNumber"] = registry,
            ["institution"] = institution.Name,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.UniversityDiploma, fields, IsCard: false);
    }
}

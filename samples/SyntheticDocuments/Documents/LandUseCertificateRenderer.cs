using System.Globalization;
using SkiaSharp;
using SmartKiosk.Samples.SyntheticDocuments.Codes;
using SmartKiosk.Samples.SyntheticDocuments.People;
using SmartKiosk.Samples.SyntheticDocuments.Rendering;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>
/// Land-use certificate in the form used since 1 August 2024: a QR code top right, owner and parcel sections.
/// The serial is printed "AA 01234567" but kept in the ground truth without the space ("AA01234567").
/// </summary>
public static class LandUseCertificateRenderer
{
    public static RenderedPage Render(Random random)
    {
        var dateOfBirth = PersonFactory.NextDate(random, new DateOnly(1950, 1, 1), new DateOnly(1998, 12, 31));
        var owner = PersonFactory.Create(random, dateOfBirth);
        var parcel = Places.NextLocality(random, Places.NextProvince(random));
        var address = Places.NextAddress(random, parcel);
        var parcelNumber = random.Next(1, 900).ToString(CultureInfo.InvariantCulture);
        var mapSheet = random.Next(1, 80).ToString(CultureInfo.InvariantCulture);
        var tenths = random.Next(300, 5000);
        var area = FormattableString.Invariant($"{tenths / 10},{tenths % 10} m²");
        var purpose = parcel.District.Urban ? "Đất ở tại đô thị" : VietnameseNames.Pick(random, ["Đất ở tại nông thôn", "Đất trồng cây lâu năm", "Đất trồng lúa"]);
        var letters = new string([(char)('A' + random.Next(0, 26)), (char)('A' + random.Next(0, 26))]);
        var digits = random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var serial = letters + digits;
        var issueDate = PersonFactory.NextDate(random, new DateOnly(2024, 8, 1), IdCardValidity.ReferenceDate.AddDays(-1));
        var qr = LandCertificateQrPayload.Build(serial, owner.IdNumber, parcelNumber, mapSheet);

        using var sheet = A4Layout.NewPage(random, landscape: false, new SKColor(0xFD, 0xF6, 0xEE), new SKColor(0xE8, 0xB4, 0xB4, 0x48));
        Backgrounds.OrnateBorder(sheet, 50, new SKColor(0xB5, 0x3A, 0x3A));
        var center = sheet.Width / 2f;
        const float left = 150;
        var width = sheet.Width - 300f;
        QrDrawer.Draw(sheet.Canvas, qr, 1250, 120, 260);
        Emblem.Draw(sheet.Canvas, center, 200, 80);
        A4Layout.NationalHeader(sheet, center, 370);
        sheet.Text("GIẤY CHỨNG NHẬN", center, 540, Fonts.SerifBold, 22 * A4Layout.Point, Ink.Red, SKTextAlign.Center);
        sheet.TextFit("QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT", center, 630, width, Fonts.SerifBold, 16 * A4Layout.Point, Ink.Red, SKTextAlign.Center);

        var y = 780f;
        var step = A4Layout.LineHeight * 1.15f;
        sheet.Text("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:", left, y, Fonts.SerifBold, A4Layout.BodySize, Ink.Black);
        y += step;
        A4Layout.LabelValue(sheet, owner.Sex == Sex.Male ? "Ông:" : "Bà:", owner.Name.Upper, left + 40, y, width - 40);
        y += step;
        A4Layout.LabelValue(sheet, "Số định danh cá nhân:", owner.IdNumber, left + 40, y, width - 40);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "Địa chỉ thường trú:", owner.PlaceOfResidence, left + 40, y, width - 40) + (step * 1.3f);

        sheet.Text("2. Thông tin thửa đất:", left, y, Fonts.SerifBold, A4Layout.BodySize, Ink.Black);
        y += step;
        A4Layout.LabelValue(sheet, "a) Thửa đất số:", parcelNumber, left + 40, y, 560);
        A4Layout.LabelValue(sheet, "b) Tờ bản đồ số:", mapSheet, left + 640, y, width - 640);
        y += step;
        y = A4Layout.LabelParagraph(sheet, "c) Địa chỉ:", address, left + 40, y, width - 40) + step;
        A4Layout.LabelValue(sheet, "d) Diện tích:", area, left + 40, y, width - 40);
        y += step;
        A4Layout.LabelValue(sheet, "đ) Hình thức sử dụng:", "Sử dụng riêng", left + 40, y, width - 40);
        y += step;
        A4Layout.LabelValue(sheet, "e) Mục đích sử dụng:", purpose, left + 40, y, width - 40);
        y += step;
        A4Layout.LabelValue(sheet, "g) Thời hạn sử dụng:", "Lâu dài", left + 40, y, width - 40);
        y += step * 1.3f;
        sheet.Text("3. Thông tin tài sản gắn liền với đất: -/-", left, y, Fonts.SerifBold, A4Layout.BodySize, Ink.Black);

        sheet.Text(FormattableString.Invariant($"{parcel.Province.Name}, ngày {issueDate.Day:D2} tháng {issueDate.Month:D2} năm {issueDate.Year}"),
            1120, y + 110, Fonts.Serif, A4Layout.BodySize, Ink.Black, SKTextAlign.Center);
        A4Layout.SignatureBlock(sheet, 1120, y + 170, "TM. ỦY BAN NHÂN DÂN", VietnameseNames.Next(random, Sex.Male).FullName, random);
        sheet.Text($"Số phát hành: {letters} {digits}", left, 2180, Fonts.SerifBold, 14 * A4Layout.Point, Ink.Red);

        var fields = new Dictionary<string, string>
        {
            ["ownerName"] = owner.Name.Upper,
            ["ownerIdNumber"] = owner.IdNumber,
            ["parcelNumber"] = parcelNumber,
            ["mapSheetNumber"] = mapSheet,
            ["area"] = area,
            ["address"] = address,
            ["landUsePurpose"] = purpose,
            ["serialNumber"] = serial,
            ["qrPayload"] = qr,
        };
        return new RenderedPage(sheet.Detach(), DocumentTypes.LandUseCertificate, fields, IsCard: false);
    }
}

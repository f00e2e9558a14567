using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>
/// Renders the certified copy as an unsigned PDF: every scanned page at its true paper size with the
/// image as scanned (JPEG bytes are embedded as they are, PNG losslessly), a watermark and a footer with
/// the certification number and the verification code, then the statement page with the QR code (vector)
/// and the stamp appearance. Two empty signature fields wait for the officer and the agency seal.
/// </summary>
public static class CopyRenderer
{
    public const string OfficerField = "officer-signature";
    public const string SealField = "agency-seal";
    private const double PointsPerMillimetre = 72 / 25.4;
    private const double StatementMargin = 56;
    private const double StatementTop = 112;

    // The QR code block and the signature block with the officer's name under the stamp.
    private const double RoomBelowStatement = 14 + 130 + 156;
    private static readonly XColor Red = XColor.FromArgb(0xC6, 0x28, 0x28);

    public static byte[] Render(CertifiedCopyContent content, string statementTemplate)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Pages.Count == 0)
        {
            throw new ArgumentException("A copy needs at least one scanned page.", nameof(content));
        }
        NotoSansFontResolver.EnsureInstalled();
        var statement = StatementTemplate.Render(statementTemplate, content);

        using var document = new PdfDocument();
        // Uncompressed content streams keep `qpdf --check` clean; images stay compressed as scanned.
        document.Options.CompressContentStreams = false;
        document.Options.UseFlateDecoderForJpegImages = PdfUseFlateDecoderForJpegImages.Never;
        Describe(document, content);

        var total = content.Pages.Count + 1;
        for (var i = 0; i < content.Pages.Count; i++)
        {
            DrawScannedPage(document, content, content.Pages[i], i + 1, total);
        }
        var statementPage = DrawStatementPage(document, content, statement, total);
        AddSignatureFields(document, statementPage);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Describe(PdfDocument document, CertifiedCopyContent content)
    {
        var info = document.Info;
        info.Title = $"Bản sao điện tử được chứng thực — {content.DocumentType.Vi}";
        info.Subject = $"Số chứng thực {content.CertificationNumber}, quyển số {content.Book}, ngày {VietnameseFormat.Date(content.CertificationDate)}";
        info.Author = content.Agency.Name;
        info.Keywords = $"verification:{content.VerificationCode}";
        info.Creator = "SmartKiosk";
        info.CreationDate = content.IssuedAt.UtcDateTime;
        info.ModificationDate = content.IssuedAt.UtcDateTime;
    }

    private static void DrawScannedPage(PdfDocument document, CertifiedCopyContent content, ScannedPage scanned, int number, int total)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(scanned.WidthMillimetres * PointsPerMillimetre);
        page.Height = XUnit.FromPoint(scanned.HeightMillimetres * PointsPerMillimetre);
        using var graphics = XGraphics.FromPdfPage(page);
        using (var stream = new MemoryStream(scanned.Image, writable: false))
        using (var image = XImage.FromStream(stream))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }
        Watermark(graphics, page);
        Footer(graphics, page, content, number, total);
    }

    private static PdfPage DrawStatementPage(PdfDocument document, CertifiedCopyContent content, string statement, int total)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using var graphics = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        var margin = StatementMargin;
        var y = 56.0;

        var regular = Font(10.5);
        var bold = Font(10.5, bold: true);
        graphics.DrawString(content.Agency.Name.ToUpperInvariant(), bold, XBrushes.Black, new XRect(margin, y, 240, 14), XStringFormats.TopCenter);
        graphics.DrawString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, XBrushes.Black, new XRect(width / 2, y, width / 2 - margin, 14), XStringFormats.TopCenter);
        graphics.DrawString("Độc lập - Tự do - Hạnh phúc", bold, XBrushes.Black, new XRect(width / 2, y + 15, width / 2 - margin, 14), XStringFormats.TopCenter);
        y = DrawStatement(graphics, statement, margin, StatementTop, width - 2 * margin, draw: true);

        // The QR code and the verification code, then the signature block with the stamp appearance.
        y += 14;
        QrVector.Draw(graphics, content.VerificationUrl, new XRect(margin, y, 112, 112));
        graphics.DrawString("Mã xác minh / Verification code:", regular, XBrushes.Black, margin + 124, y + 18);
        graphics.DrawString(content.VerificationCode, Font(15, bold: true), XBrushes.Black, margin + 124, y + 40);
        graphics.DrawString(content.VerificationUrl, Font(8.5), XBrushes.Black, margin + 124, y + 60);

        var signatureX = width - margin - 210;
        var signatureY = y + 130;
        graphics.DrawString("NGƯỜI THỰC HIỆN CHỨNG THỰC", bold, XBrushes.Black, new XRect(signatureX, signatureY, 210, 14), XStringFormats.TopCenter);
        graphics.DrawString("(Certifying officer — ký số / digitally signed)", Font(8.5), XBrushes.Black, new XRect(signatureX, signatureY + 15, 210, 12), XStringFormats.TopCenter);
        Stamp(graphics, content, new XPoint(signatureX + 105, signatureY + 84));
        graphics.DrawString(content.Officer.FullName, bold, XBrushes.Black, new XRect(signatureX, signatureY + 142, 210, 14), XStringFormats.TopCenter);

        Footer(graphics, page, content, total, total);
        return page;
    }

    /// <summary>
    /// Whether an (already rendered) statement leaves room on its page for the QR code and the signature
    /// block: an administrator's longer wording must not run under them.
    /// </summary>
    public static bool StatementFits(string statement)
    {
        NotoSansFontResolver.EnsureInstalled();
        var size = PageSizeConverter.ToSize(PageSize.A4);
        using var graphics = XGraphics.CreateMeasureContext(size, XGraphicsUnit.Point, XPageDirection.Downwards);
        var end = DrawStatement(graphics, statement, StatementMargin, StatementTop, size.Width - 2 * StatementMargin, draw: false);
        return end + RoomBelowStatement <= size.Height - StatementMargin / 2;
    }

    /// <summary>Lays the statement's headings and paragraphs out from <paramref name="y"/> (drawing them if asked) and returns where they end.</summary>
    private static double DrawStatement(XGraphics graphics, string statement, double x, double y, double width, bool draw)
    {
        var regular = Font(10.5);
        var formatter = draw ? new XTextFormatter(graphics) : null;
        foreach (var paragraph in StatementTemplate.Paragraphs(statement))
        {
            if (paragraph.StartsWith("## ", StringComparison.Ordinal))
            {
                if (draw)
                {
                    graphics.DrawString(paragraph[3..], Font(12.5, bold: true), XBrushes.Black, new XRect(x, y, width, 18), XStringFormats.TopCenter);
                }
                y += 19;
                continue;
            }
            // Word wrapping can cost a little width per line: measure generously.
            var lines = Math.Max(1, Math.Ceiling(graphics.MeasureString(paragraph, regular).Width * 1.08 / width));
            var height = lines * 14.5;
            formatter?.DrawString(paragraph, regular, XBrushes.Black, new XRect(x, y, width, height), XStringFormats.TopLeft);
            y += height + 5;
        }
        return y;
    }

    // The visible stamp: a red double ring with the agency's name, "digitally signed" inside. The legal
    // seal is the agency's digital signature; this is what a reader of a print-out sees.
    private static void Stamp(XGraphics graphics, CertifiedCopyContent content, XPoint centre)
    {
        var pen = new XPen(Red, 2);
        graphics.DrawEllipse(pen, centre.X - 50, centre.Y - 50, 100, 100);
        graphics.DrawEllipse(new XPen(Red, 0.8), centre.X - 44, centre.Y - 44, 88, 88);
        var brush = new XSolidBrush(Red);
        var lines = Wrap(content.Agency.Name.ToUpperInvariant(), 22);
        var y = centre.Y - 28;
        foreach (var line in lines.Take(3))
        {
            graphics.DrawString(line, Font(6.5, bold: true), brush, new XRect(centre.X - 44, y, 88, 9), XStringFormats.TopCenter);
            y += 9;
        }
        graphics.DrawString("ĐÃ KÝ SỐ", Font(9, bold: true), brush, new XRect(centre.X - 44, centre.Y + 4, 88, 12), XStringFormats.TopCenter);
        graphics.DrawString("DIGITALLY SEALED", Font(6), brush, new XRect(centre.X - 44, centre.Y + 17, 88, 9), XStringFormats.TopCenter);
    }

    private static void Watermark(XGraphics graphics, PdfPage page)
    {
        var state = graphics.Save();
        graphics.TranslateTransform(page.Width.Point / 2, page.Height.Point / 2);
        graphics.RotateTransform(-Math.Atan2(page.Height.Point, page.Width.Point) * 180 / Math.PI);
        var size = Math.Max(8, Math.Min(page.Width.Point, page.Height.Point) / 14);
        graphics.DrawString("BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC", Font(size, bold: true), new XSolidBrush(XColor.FromArgb(46, 0xC6, 0x28, 0x28)),
            new XRect(-page.Width.Point, -size, 2 * page.Width.Point, 2 * size), XStringFormats.Center);
        graphics.Restore(state);
    }

    private static void Footer(XGraphics graphics, PdfPage page, CertifiedCopyContent content, int number, int total)
    {
        var size = Math.Max(4.5, Math.Min(7.5, page.Width.Point / 60));
        var text = $"Bản sao điện tử được chứng thực · Số {content.CertificationNumber} · Mã xác minh {content.VerificationCode} · Trang {number}/{total}";
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(210, 255, 255, 255)), 0, page.Height.Point - size * 2.2, page.Width.Point, size * 2.2);
        graphics.DrawString(text, Font(size), XBrushes.Black, new XRect(0, page.Height.Point - size * 1.8, page.Width.Point, size * 1.4), XStringFormats.Center);
    }

    private static void AddSignatureFields(PdfDocument document, PdfPage page)
    {
        var fields = new PdfArray(document);
        var annotations = new PdfArray(document);
        foreach (var name in new[] { OfficerField, SealField })
        {
            // Invisible widgets: the visible stamp is drawn on the page; the signatures are the legal part.
            var field = new PdfDictionary(document);
            field.Elements["/FT"] = new PdfName("/Sig");
            field.Elements["/T"] = new PdfString(name);
            field.Elements["/Type"] = new PdfName("/Annot");
            field.Elements["/Subtype"] = new PdfName("/Widget");
            field.Elements["/F"] = new PdfInteger(132);
            field.Elements["/Rect"] = new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0), new PdfInteger(0));
            document.Internals.AddObject(field);
            field.Elements.SetReference("/P", page);
            fields.Elements.Add(field.Reference!);
            annotations.Elements.Add(field.Reference!);
        }
        page.Elements["/Annots"] = annotations;
        var form = new PdfDictionary(document);
        form.Elements["/Fields"] = fields;
        form.Elements["/SigFlags"] = new PdfInteger(3);
        document.Internals.AddObject(form);
        document.Internals.Catalog.Elements.SetReference("/AcroForm", form);
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : $"{current} {word}";
            }
        }
        if (current.Length > 0)
        {
            lines.Add(current);
        }
        return lines;
    }

    private static XFont Font(double size, bool bold = false) =>
        new(NotoSansFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}

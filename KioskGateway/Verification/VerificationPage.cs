using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SmartKiosk.Activities.Issuance.Verification;

namespace SmartKiosk.KioskGateway.Verification;

/// <summary>
/// The public verification page, server-rendered without script: the code form, the PDF upload form
/// and, after a check, the result — every text in Vietnamese with English beside it, every value encoded.
/// </summary>
public static class VerificationPage
{
    public static string Render(PublicCopyStatus? status, string? code)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """).Append(Encode(PublicText.Vi("Title"))).Append("""
            </title>
            <style>
            body{font-family:"Noto Sans",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
            h1{font-size:1.6rem}.en{color:#444;font-size:.95em}
            label{display:block;font-weight:600;margin-top:1rem}
            input,button{font-size:1.1rem;min-height:44px;padding:.4rem .8rem}
            button{background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
            button:focus,input:focus{outline:3px solid #f0a500;outline-offset:2px}
            .valid{border-left:6px solid #1e7b34;padding:.5rem 1rem;background:#eef7f0}
            .revoked,.unknown{border-left:6px solid #b3261e;padding:.5rem 1rem;background:#fbeeed}
            dt{font-weight:600}dd{margin:0 0 .5rem 0}
            </style></head><body>
            """);
        html.Append("<h1>").Append(Encode(PublicText.Vi("Title"))).Append("<br><span class=\"en\">").Append(Encode(PublicText.En("Title"))).Append("</span></h1>");
        if (status is not null)
        {
            var key = "Status." + status.Status;
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"{status.Status.ToString().ToLowerInvariant()}\" role=\"status\"><p><strong>")
                .Append(Encode(PublicText.Vi(key))).Append("</strong><br><span class=\"en\">").Append(Encode(PublicText.En(key))).Append("</span></p>");
            if (status.Status != CopyStatus.Unknown)
            {
                html.Append("<dl>");
                Field(html, "Field.Document", status.DocumentType);
                Field(html, "Field.Number", status.CertificationNumber);
                Field(html, "Field.Book", status.Book);
                Field(html, "Field.Date", status.CertificationDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
                Field(html, "Field.Agency", status.Agency);
                Field(html, "Field.Officer", status.Officer);
                if (status.RevokedAt is { } revoked)
                {
                    Field(html, "Field.Revoked", $"{revoked.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy} — {status.RevocationReason}");
                }
                html.Append("</dl>");
            }
            html.Append("</section>");
        }
        html.Append("<form method=\"get\" action=\"/verify\"><label for=\"code\">").Append(Encode(PublicText.Vi("CodeLabel")))
            .Append(" <span class=\"en\">/ ").Append(Encode(PublicText.En("CodeLabel"))).Append("</span></label>")
            .Append("<input id=\"code\" name=\"code\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"40\" value=\"").Append(Encode(code ?? "")).Append("\"> ")
            .Append("<button type=\"submit\">").Append(Encode(PublicText.Vi("Check"))).Append(" / ").Append(Encode(PublicText.En("Check"))).Append("</button></form>");
        html.Append("<form method=\"post\" action=\"/api/public/verify\" enctype=\"multipart/form-data\"><label for=\"file\">").Append(Encode(PublicText.Vi("UploadLabel")))
            .Append(" <span class=\"en\">/ ").Append(Encode(PublicText.En("UploadLabel"))).Append("</span></label>")
            .Append("<input id=\"file\" name=\"file\" type=\"file\" accept=\"application/pdf\"> ")
            .Append("<button type=\"submit\">").Append(Encode(PublicText.Vi("Check"))).Append(" / ").Append(Encode(PublicText.En("Check"))).Append("</button></form>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Field(StringBuilder html, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        html.Append("<dt>").Append(Encode(PublicText.Vi(key))).Append(" <span class=\"en\">/ ").Append(Encode(PublicText.En(key))).Append("</span></dt><dd>")
            .Append(Encode(value)).Append("</dd>");
    }

    // Vietnamese letters stay readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);
}

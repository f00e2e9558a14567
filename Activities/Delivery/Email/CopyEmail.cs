using Fluid;
using MimeKit;
using SmartKiosk.Activities.Issuance.Rendering;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// The message that brings a citizen their copy: Vietnamese first, English below, from a Liquid
/// template; the PDF attached or a signed download link. Its Message-ID is derived from the dossier
/// and the copy, so every send of it — a retry after a crash included — is recognisably the same message.
/// </summary>
public static class CopyEmail
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { MaxSteps = 10_000, MaxRecursion = 8 };
    private static readonly IFluidTemplate Template = Load();

    public static string MessageId(Guid dossierId, Guid copyId) => $"{dossierId:N}.{copyId:N}@smartkiosk.local";

    public static MimeMessage Compose(CopyEmailContent content, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in new Dictionary<string, object?>
        {
            ["document_vi"] = content.DocumentVi,
            ["document_en"] = content.DocumentEn,
            ["agency_name"] = content.AgencyName,
            ["issued_date"] = VietnameseFormat.Date(content.IssuedOn),
            ["verification_code"] = content.VerificationCode,
            ["verification_url"] = content.VerificationUrl,
            ["receipt_code"] = content.ReceiptCode,
            ["attached"] = content.Pdf is not null,
            ["download_url"] = content.DownloadUrl,
            ["download_expires"] = content.DownloadExpiresOn is { } expires ? VietnameseFormat.Date(expires) : null,
        })
        {
            context.SetValue(name, value);
        }

        var message = new MimeMessage { MessageId = MessageId(content.DossierId, content.CopyId) };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(content.To));
        message.Subject = $"Bản sao điện tử có chứng thực / Certified electronic copy — {content.VerificationCode}";
        var body = new BodyBuilder { TextBody = Template.Render(context, NullEncoder.Default) };
        if (content.Pdf is { } pdf)
        {
            body.Attachments.Add($"ban-sao-chung-thuc-{content.VerificationCode}.pdf", pdf, new ContentType("application", "pdf"));
        }
        message.Body = body.ToMessageBody();
        message.Headers.Add("X-SmartKiosk-Dossier", content.DossierId.ToString());
        return message;
    }

    private static IFluidTemplate Load()
    {
        using var stream = typeof(CopyEmail).Assembly.GetManifestResourceStream("SmartKiosk.Activities.Delivery.Email.Templates.copy-issued.liquid")
            ?? throw new InvalidOperationException("The copy e-mail template is not embedded.");
        using var reader = new StreamReader(stream);
        return Parser.Parse(reader.ReadToEnd());
    }
}

/// <summary>What the copy e-mail says; <see cref="Pdf"/> set to attach the copy, otherwise the link is given.</summary>
public sealed record CopyEmailContent(
    Guid DossierId,
    Guid CopyId,
    string To,
    string DocumentVi,
    string DocumentEn,
    string AgencyName,
    DateOnly IssuedOn,
    string VerificationCode,
    string VerificationUrl,
    string ReceiptCode,
    byte[]? Pdf,
    string? DownloadUrl,
    DateOnly? DownloadExpiresOn);

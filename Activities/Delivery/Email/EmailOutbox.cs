using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Citizens;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Codes;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Dispatch;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// Sends the queued copy e-mails: claims outbox rows, composes each message from the dossier and the
/// copy as they are now, hands it to the transport, and records the outcome on the dossier (audited).
/// A failure is retried with a doubling delay; a message is given up after
/// <see cref="EmailOptions.MaxAttempts"/> tries and the dossier shows it failed.
/// </summary>
public sealed class EmailOutbox(
    WorkQueue queue,
    DossierStore dossiers,
    DocumentTypeCatalog types,
    IssuanceDbContextFactory issuance,
    IBlobStore blobs,
    DownloadLinks links,
    IOptions<EmailOptions> options,
    IOptions<IssuanceOptions> issuanceOptions,
    IOptions<DataFolderOptions> data,
    CitizenAuthService citizens,
    Kiosks.DeviceSecretProtector protector,
    TimeProvider time,
    ILogger<EmailOutbox> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends what is due (copies, then sign-in codes); returns how many messages went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var (topic, send) in new (string, Func<WorkItem, CancellationToken, Task>)[] { (SendCopyByEmail.Topic, SendAsync), (CitizenAuthService.SignInCodeTopic, SendCodeAsync), (NotifyCitizen.Topic, SendNoticeAsync) })
        {
            foreach (var item in await queue.ClaimAsync(topic, _worker, Lease, 10, cancellationToken))
            {
                try
                {
                    await send(item, cancellationToken);
                    await queue.CompleteAsync(item.Id, cancellationToken);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await FailAsync(item, ex, cancellationToken);
                }
            }
        }
        return sent;
    }

    private async Task SendNoticeAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var dossierId = Guid.Parse(item.Payload!["dossierId"]!.GetValue<string>());
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken);
        if (dossier?.ContactEmail is not { } address)
        {
            return;
        }
        var receipt = ReceiptCode.TryParse(dossier.ReceiptCode, out var parsed) ? parsed.Formatted : dossier.ReceiptCode;
        var type = types.Find(dossier.DocumentType)?.Settings;
        var message = new MimeKit.MimeMessage { MessageId = item.Payload!["messageId"]!.GetValue<string>(), Subject = $"Cần quét lại giấy tờ / Please scan your document again — {receipt}" };
        message.From.Add(MimeKit.MailboxAddress.Parse(options.Value.From));
        message.To.Add(MimeKit.MailboxAddress.Parse(address));
        message.Body = new MimeKit.TextPart("plain")
        {
            Text = $"Kính gửi Quý công dân,\n\nCán bộ tư pháp cần bản quét mới của giấy tờ \"{type?.NameVi ?? dossier.DocumentType}\" để chứng thực. "
                + $"Quý công dân có thể đến bất kỳ kiosk nào của cơ quan, chọn \"Tiếp tục hồ sơ\" và nhập mã biên nhận {receipt}.\n\n"
                + $"Dear citizen,\n\nThe judicial officer needs a new scan of your \"{type?.NameEn ?? dossier.DocumentType}\" to certify it. "
                + $"Go to any kiosk of the agency, choose \"Continue a dossier\" and enter the receipt code {receipt}.\n",
        };
        await Transport().SendAsync(message, cancellationToken);
    }

    private async Task SendCodeAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var signInId = Guid.Parse(item.Payload!["signInId"]!.GetValue<string>());
        if (await citizens.AddressOfAsync(signInId, cancellationToken) is not { } address)
        {
            return; // used or expired before it could be sent: nothing to say any more
        }
        var code = System.Text.Encoding.ASCII.GetString(protector.Unprotect(item.Payload!["code"]!.GetValue<string>()));
        var message = new MimeKit.MimeMessage { MessageId = $"sign-in-{signInId:N}@smartkiosk.local", Subject = "Mã đăng nhập / Sign-in code — SmartKiosk" };
        message.From.Add(MimeKit.MailboxAddress.Parse(options.Value.From));
        message.To.Add(MimeKit.MailboxAddress.Parse(address));
        message.Body = new MimeKit.TextPart("plain")
        {
            Text = $"Mã đăng nhập ứng dụng của Quý công dân: {code}\nMã có hiệu lực trong ít phút và chỉ dùng một lần. Nếu Quý công dân không yêu cầu, hãy bỏ qua thư này.\n\n"
                + $"Your app sign-in code: {code}\nIt is valid for a few minutes and works once. If you did not ask for it, ignore this message.\n",
        };
        await Transport().SendAsync(message, cancellationToken);
    }

    private async Task SendAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var dossierId = Guid.Parse(item.Payload!["dossierId"]!.GetValue<string>());
        var copyId = Guid.Parse(item.Payload!["copyId"]!.GetValue<string>());
        var dossier = await dossiers.GetAsync(dossierId, cancellationToken);
        if (dossier?.ContactEmail is not { } address)
        {
            // The address was deleted (retention) before the message could go: nothing to send to.
            await MarkAsync(dossierId, "no-address", null, cancellationToken);
            return;
        }

        await using var db = issuance.Create();
        var copy = await db.CertifiedCopies.AsNoTracking().SingleAsync(c => c.Id == copyId, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == copy.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var type = types.Find(dossier.DocumentType)?.Settings;
        var settings = options.Value;
        var link = settings.Mode == EmailMode.Link ? links.Create(copyId) : null;
        var code = VerificationCode.TryParse(copy.VerificationCode, out var parsed) ? parsed.Formatted : copy.VerificationCode;
        var message = CopyEmail.Compose(
            new CopyEmailContent(
                dossierId,
                copyId,
                address,
                type?.NameVi ?? dossier.DocumentType,
                type?.NameEn ?? dossier.DocumentType,
                agency,
                HanoiTime.DateOf(copy.IssuedAt),
                code,
                issuanceOptions.Value.VerificationUrl(copy.VerificationCode),
                ReceiptCode.TryParse(dossier.ReceiptCode, out var receipt) ? receipt.Formatted : dossier.ReceiptCode,
                settings.Mode == EmailMode.Attachment ? await blobs.ReadAsync(copy.Sha256, cancellationToken) : null,
                link?.Url,
                link is null ? null : HanoiTime.DateOf(link.ExpiresAt)),
            settings);

        await Transport().SendAsync(message, cancellationToken);
        logger.LogInformation("Copy e-mail {MessageId} of dossier {DossierId} sent (attempt {Attempt})", message.MessageId, dossierId, item.Attempts + 1);
        await MarkAsync(dossierId, "sent", message.MessageId, cancellationToken);
    }

    private async Task FailAsync(WorkItem item, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = item.Attempts + 1;
        var giveUp = attempts >= settings.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, settings.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        // A message given up stays in the outbox with its error, never due again: an operator can requeue it.
        var retryAt = giveUp ? DateTime.MaxValue : time.GetUtcNow().UtcDateTime + delay;
        await queue.FailAsync(item.Id, $"{error.GetType().Name}: {error.Message}", retryAt, cancellationToken);
        logger.LogWarning(error, "Copy e-mail {ItemId} failed (attempt {Attempt} of {Max}){GiveUp}", item.Id, attempts, settings.MaxAttempts, giveUp ? "; given up" : $"; retry in {delay}");
        if (giveUp && item.Topic == SendCopyByEmail.Topic && item.Payload?["dossierId"]?.GetValue<string>() is { } dossier && Guid.TryParse(dossier, out var dossierId))
        {
            await MarkAsync(dossierId, "failed", null, cancellationToken);
        }
    }

    private async Task MarkAsync(Guid dossierId, string status, string? messageId, CancellationToken cancellationToken) =>
        await dossiers.UpdateAsync(
            dossierId,
            d =>
            {
                if (d.EmailStatus == status)
                {
                    return null;
                }
                d.EmailStatus = status;
                return new DossierChange("email-" + status, messageId is null ? null : new JsonObject { ["messageId"] = messageId });
            },
            "delivery",
            cancellationToken);

    private IMailTransport Transport() => MailTransports.For(options.Value, data.Value.Path);
}

using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>Sends through an SMTP server with MailKit (one connection per message: the volume is a few per minute).</summary>
public sealed class SmtpTransport(SmtpSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Delivery:Email:Smtp:Host is not set."), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

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
        await ConnectAsync(client, settings, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Connects (and logs in, when an account is configured) as sending does; the health check uses it too.</summary>
    public static async Task ConnectAsync(SmtpClient client, SmtpSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Delivery:Email:Smtp:Host is not set."), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
    }
}

using MimeKit;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>Hands a message over for delivery: an SMTP server, or a pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

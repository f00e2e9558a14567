using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Delivery.Email;

namespace SmartKiosk.Activities.Hosting.Health;

/// <summary>
/// Whether e-mail can leave: the SMTP server accepts a connection (and the login, when one is configured), or
/// the pickup folder is writable. A mail server that is down makes the node <em>degraded</em>, not unready:
/// mails wait in the outbox and go out when it is back, so the node should keep serving kiosks.
/// </summary>
public sealed class MailHealthCheck(IOptions<EmailOptions> options, IOptions<DataFolderOptions> data) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        try
        {
            if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
            {
                var folder = Path.Combine(data.Value.Path, settings.PickupFolder);
                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
                await File.WriteAllBytesAsync(probe, [], cancellationToken);
                File.Delete(probe);
                return HealthCheckResult.Healthy("Pickup folder.");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            await SmtpTransport.ConnectAsync(client, settings.Smtp, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return HealthCheckResult.Healthy("SMTP server.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("E-mail cannot leave now; messages wait in the outbox and are retried.", ex);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>Runs the e-mail outbox on every node; claims keep two nodes from sending one message.</summary>
public sealed class EmailOutboxWorker(EmailOutbox outbox, IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while there is work; rest between polls only when the outbox is empty.
                if (await outbox.SendDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The e-mail outbox pass failed");
            }
            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }
}

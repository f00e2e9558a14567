using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Delivery.Email;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>Runs <see cref="DueSoonNotifier"/> on every back-office node; work-queue claims keep a notice from going out twice.</summary>
public sealed class DueSoonNotifierWorker(DueSoonNotifier notifier, IOptions<EmailOptions> options, TimeProvider time, ILogger<DueSoonNotifierWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await notifier.SendDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The due-soon notices pass failed");
            }
            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }
}

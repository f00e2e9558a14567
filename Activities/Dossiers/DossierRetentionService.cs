using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>Runs <see cref="DossierRetention"/> every <see cref="DossierOptions.RetentionInterval"/>.</summary>
public sealed class DossierRetentionService(DossierRetention retention, IOptions<DossierOptions> options, TimeProvider time, ILogger<DossierRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                await retention.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries; one failing dossier must not stop retention for all.
                logger.LogError(ex, "Retention pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartKiosk.Activities.Faces.Models;

/// <summary>
/// Converts (first run only) and loads the face models in the background when a host starts, so the
/// first citizen does not wait for it. A node without models still serves everything else; the
/// readiness check reports it.
/// </summary>
public sealed class FaceModelWarmup(FaceModelSessions sessions, ILogger<FaceModelWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sessions.LoadAsync(stoppingToken);
            logger.LogInformation("Face models loaded");
        }
        catch (FaceModelUnavailableException exception)
        {
            logger.LogError(exception, "Face models are not available: face verification will fail until they are");
        }
    }
}

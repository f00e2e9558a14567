using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartKiosk.Activities.Faces.Models;

/// <summary>Healthy when the face models are loaded; degraded while they load, unhealthy when they cannot be.</summary>
public sealed class FaceModelsHealthCheck(FaceModelSessions sessions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sessions.State switch
        {
            FaceModelState.Loaded => HealthCheckResult.Healthy("Face models loaded."),
            FaceModelState.Failed => HealthCheckResult.Unhealthy($"Face models unavailable: {sessions.Failure}"),
            _ => HealthCheckResult.Degraded("Face models are loading."),
        });
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Hosting.Health;

/// <summary>Healthy when the engine's database answers a query.</summary>
public sealed class DatabaseHealthCheck(IWorkflowDbContextFactory dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = dbFactory.Create();
            await db.DefinitionVersions.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}

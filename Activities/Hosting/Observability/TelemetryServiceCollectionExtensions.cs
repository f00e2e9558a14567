using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Workflows.Diagnostics;

namespace SmartKiosk.Activities.Hosting.Observability;

/// <summary>
/// OpenTelemetry for a host: the engine's and the dossiers' traces and metrics, PostgreSQL commands, and
/// OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. A host adds its web instrumentation and
/// the Prometheus scrape endpoint to the builder it gets back.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static OpenTelemetryBuilder AddSmartKioskTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.SectionName));
        services.AddSingleton<MetricsScrapeAccess>();

        var otlp = !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithTracing(t =>
            {
                t.AddSource(WorkflowTelemetry.Name).AddNpgsql();
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(WorkflowTelemetry.Name, DossierTelemetry.Name).AddNpgsqlInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
    }
}

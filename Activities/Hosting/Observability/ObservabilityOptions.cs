namespace SmartKiosk.Activities.Hosting.Observability;

/// <summary>Bound from <c>Observability</c>. Traces and metrics go to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the OpenTelemetry variable).</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>
    /// The bearer token Prometheus sends to <c>/metrics</c> (from secrets). Without one, only a scraper on
    /// the same machine (loopback) is answered: metrics name activity types and volumes, not for the internet.
    /// </summary>
    public string? ScrapeToken { get; set; }
}

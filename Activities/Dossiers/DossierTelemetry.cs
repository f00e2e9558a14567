using System.Diagnostics.Metrics;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>Dossier metrics (meter <see cref="Name"/>): every audited change, by action and the status it left.</summary>
public static class DossierTelemetry
{
    public const string Name = "SmartKiosk.Dossiers";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Changes = Meter.CreateCounter<long>(
        "smartkiosk.dossier.changes", unit: "{change}", description: "Audited dossier changes (created, workflow-started, issued, rejected…), by action and resulting status");

    internal static void Changed(string action, DossierStatus status) =>
        Changes.Add(1, new("action", action), new("status", status.ToString()));
}

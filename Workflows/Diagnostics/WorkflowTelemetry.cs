using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartKiosk.Workflows.Diagnostics;

/// <summary>
/// The engine's traces and metrics, with .NET's own primitives (no exporter here): a host subscribes to
/// <see cref="Name"/> with OpenTelemetry and exports them (Prometheus, OTLP).
/// </summary>
public static class WorkflowTelemetry
{
    public const string Name = "SmartKiosk.Workflows";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "smartkiosk.workflow.runs", unit: "{run}", description: "Committed runs of workflow instances, by what started them and the status they left");

    private static readonly Counter<long> Incidents = Meter.CreateCounter<long>(
        "smartkiosk.workflow.incidents", unit: "{incident}", description: "Incidents raised (an instance faulted and waits for someone)");

    private static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>(
        "smartkiosk.workflow.activity.duration", unit: "s", description: "How long one activity execution took, by activity type and result");

    private static long _queueDepth;
    private static long _outboxDepth;

    static WorkflowTelemetry()
    {
        Meter.CreateObservableGauge("smartkiosk.workflow.queue.depth", () => Interlocked.Read(ref _queueDepth), unit: "{run}", description: "Runs queued or running, not yet done (all nodes)");
        Meter.CreateObservableGauge("smartkiosk.workflow.outbox.depth", () => Interlocked.Read(ref _outboxDepth), unit: "{item}", description: "Outgoing work items (mails, deliveries) not yet done (all nodes)");
    }

    internal static void RunCommitted(string kind, string status, int incidents)
    {
        Runs.Add(1, new("kind", kind), new("status", status));
        if (incidents > 0)
        {
            Incidents.Add(incidents);
        }
    }

    internal static void ActivityExecuted(string activityType, string result, TimeSpan elapsed) =>
        ActivityDuration.Record(elapsed.TotalSeconds, new("activity.type", activityType), new("result", result));

    internal static void QueueSampled(long runs, long outbox)
    {
        Interlocked.Exchange(ref _queueDepth, runs);
        Interlocked.Exchange(ref _outboxDepth, outbox);
    }
}

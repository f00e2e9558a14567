namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Timer settings, bound from <c>Workflows:Timers</c>.</summary>
public sealed class TimerOptions
{
    /// <summary>
    /// How often every node looks for due timers it was not told about (created by another node, or
    /// a job lost with a crashed node). The per-timer Quartz job fires on time; the sweep is the net.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Set (to the engine's PostgreSQL database) for several nodes: Quartz keeps its jobs in that
    /// database (ADO job store, <c>qrtz_*</c> tables, created when missing) and runs clustered, so each
    /// timer fires once across the nodes and a dead node's timers fire on another. Empty: each node
    /// keeps its own jobs in memory (the embedded default, one node).
    /// </summary>
    public string? ClusterConnectionString { get; set; }

    /// <summary>How often a clustered node checks in; a node silent for longer is considered dead and its running jobs are recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}

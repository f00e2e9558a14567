namespace SmartKiosk.Workflows.Scheduling;

/// <summary>Timer settings, bound from <c>Workflows:Timers</c>.</summary>
public sealed class TimerOptions
{
    /// <summary>
    /// How often every node looks for due timers it was not told about (created by another node, or
    /// a job lost with a crashed node). The per-timer Quartz job fires on time; the sweep is the net.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}

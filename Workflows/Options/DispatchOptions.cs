namespace SmartKiosk.Workflows.Options;

/// <summary>How a node takes runs from the shared queue, bound from <c>Workflows:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Workflows:Dispatch";

    /// <summary>This node's name in leases and logs; machine name and process id when empty.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>How long a node owns a run it took; renewed at a third of it while the run goes on. A dead node's runs are taken over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checked this often even without a notification (SQLite has none; a PostgreSQL listener may be reconnecting).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs one node executes at once from the queue (the caller's own runs come on top).</summary>
    public int MaxConcurrentRuns { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Attempts before a run that keeps failing outside the workflow (database down, bug) is given up and logged as an error.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>First wait after a failed attempt; doubled each time up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a run waits for another node to let go of the same instance.</summary>
    public TimeSpan InstanceLockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue-depth gauges are refreshed (a count query on each node).</summary>
    public TimeSpan DepthSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a done run stays in the queue's table (for an operator looking into a dossier) before it is purged.</summary>
    public TimeSpan KeepCompletedRuns { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often done runs older than <see cref="KeepCompletedRuns"/> are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether this process takes runs from the queue (a host can only enqueue and run its own).</summary>
    public bool Worker { get; set; } = true;
}

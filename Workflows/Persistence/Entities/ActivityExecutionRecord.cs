namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>The journal: one row per activity execution, written in the instance's commit.</summary>
public sealed class ActivityExecutionRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>Order within the instance, across runs.</summary>
    public long Sequence { get; set; }

    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime CompletedAt { get; set; }
    public double DurationMs { get; set; }

    /// <summary>Completed, Suspended, Resumed, Ended, Faulted.</summary>
    public string Status { get; set; } = "";

    /// <summary>Comma-separated outcome names.</summary>
    public string? Outcomes { get; set; }

    public string? Error { get; set; }

    /// <summary>Inputs and outputs as JSON, with personal data redacted.</summary>
    public string? InputsJson { get; set; }

    public string? OutputsJson { get; set; }
}

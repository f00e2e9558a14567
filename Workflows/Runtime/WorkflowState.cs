using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>The serialisable state of a running instance, stored as JSON with the instance row.</summary>
public sealed class WorkflowState
{
    public JsonObject Input { get; set; } = [];
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last outputs of each executed activity, by activity id.</summary>
    public Dictionary<string, JsonObject> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Activities scheduled but not yet executed; empty whenever an instance rests.</summary>
    public List<ScheduledActivity> Queue { get; set; } = [];

    /// <summary>For each Join, the inbound connections that have delivered a token since it last fired.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = new(StringComparer.Ordinal);

    public long TotalSteps { get; set; }

    /// <summary>Failed attempts of activities that are waiting to be retried, by activity id.</summary>
    public Dictionary<string, int> FailedAttempts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last journal sequence number written for this instance.</summary>
    public long JournalSequence { get; set; }
}

/// <summary>An activity waiting in the run queue, with the connection that scheduled it.</summary>
public sealed record ScheduledActivity(string ActivityId, string? SourceActivityId, string? SourcePort);

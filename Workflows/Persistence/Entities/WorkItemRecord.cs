namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>Outgoing work (an outbox row) created by an activity and committed with the instance.</summary>
public sealed class WorkItemRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Topic { get; set; } = "";
    public string? PayloadJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Failed attempts so far; the worker backs off after each.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried before this time (the backoff after a failure).</summary>
    public DateTime? NotBefore { get; set; }

    public string? LastError { get; set; }

    /// <summary>A new item, due at once; <paramref name="instanceId"/> is <see cref="Guid.Empty"/> for work of no instance.</summary>
    public static WorkItemRecord New(Guid instanceId, string topic, System.Text.Json.Nodes.JsonNode? payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instanceId,
        Topic = topic,
        PayloadJson = payload?.ToJsonString(),
        CreatedAt = now.UtcDateTime,
    };
}

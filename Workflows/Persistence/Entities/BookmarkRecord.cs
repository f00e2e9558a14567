namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>A point where an instance waits for a stimulus; looked up by id or by stimulus hash.</summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Stimulus { get; set; } = "";
    public string? CorrelationId { get; set; }

    /// <summary>SHA-256 of name, stimulus and correlation: one indexed column for the lookup.</summary>
    public string StimulusHash { get; set; } = "";

    public string? DataJson { get; set; }

    /// <summary>Set for timers (delays, task due dates, retry backoff): when the bookmark resumes by itself.</summary>
    public DateTime? DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>
/// A run of the engine (start, resume, signal, retry) waiting for a node, or being run by one under a
/// lease. A node that dies leaves its lease to expire, and another node takes the request over; the
/// run's idempotency key makes a second run of committed work a replay.
/// </summary>
public sealed class RunRequestRecord
{
    public Guid Id { get; set; }

    /// <summary>start, resume, signal or retry.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The instance the run is for (known beforehand for a dispatched start); empty for a signal.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The request as JSON (<see cref="Dispatch.RunRequest"/>).</summary>
    public string RequestJson { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Not to be tried before this time (the backoff after a failed attempt).</summary>
    public DateTime? NotBefore { get; set; }

    /// <summary>The node running it, until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>Times a node took it; more than one means a failure or a takeover.</summary>
    public int Attempts { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>The instance status it ended with, or why it was given up.</summary>
    public string? Outcome { get; set; }

    public string? LastError { get; set; }
}

using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Queries;

/// <summary>An instance as the back office reads it.</summary>
public sealed record WorkflowInstanceView(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string? CorrelationId,
    JsonObject Variables,
    string? FaultMessage,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<IncidentView> Incidents);

public sealed record IncidentView(Guid Id, string? ActivityId, string Kind, string Message, DateTime CreatedAt, DateTime? ResolvedAt);

/// <summary>One journal line: an activity execution.</summary>
public sealed record JournalEntryView(
    long Sequence,
    string ActivityId,
    string ActivityType,
    string Status,
    string? Outcomes,
    DateTime StartedAt,
    DateTime CompletedAt,
    double DurationMs,
    string? Error,
    JsonObject? Inputs,
    JsonObject? Outputs);

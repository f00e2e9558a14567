using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Queries;

/// <summary>
/// An instance's data for domain code that reads what its activities produced (the dossier a kiosk
/// follows): input, variables and the last outputs of each executed activity with the activity's
/// type. Unredacted: never return it over HTTP as it is.
/// </summary>
public sealed record WorkflowInstanceData(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string? CorrelationId,
    JsonObject Input,
    JsonObject Variables,
    IReadOnlyList<ActivityOutputs> Outputs,
    IReadOnlyList<BookmarkView> Bookmarks,
    string? FaultMessage,
    DateTime UpdatedAt,
    DateTime? FinishedAt);

/// <summary>The last outputs of one executed activity.</summary>
public sealed record ActivityOutputs(string ActivityId, string ActivityType, JsonObject Values);

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

/// <summary>Filters for the instance list; all optional.</summary>
public sealed record InstanceFilter(
    WorkflowStatus? Status = null,
    string? DefinitionId = null,
    string? CorrelationId = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    int Skip = 0,
    int Take = 50);

/// <summary>One line of the instance list.</summary>
public sealed record InstanceSummary(Guid Id, string DefinitionId, int DefinitionVersion, WorkflowStatus Status, string? CorrelationId, DateTime CreatedAt, DateTime UpdatedAt, string? FaultMessage);

/// <summary>One line of the incident list, with the instance it stopped.</summary>
public sealed record IncidentSummary(Guid Id, Guid InstanceId, string DefinitionId, string? ActivityId, string Kind, string Message, DateTime CreatedAt, DateTime? ResolvedAt);

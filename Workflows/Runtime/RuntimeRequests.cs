using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>Start an instance of a definition (by id) or of the definition bound to a key (a document type).</summary>
public sealed record StartWorkflowRequest
{
    public string? DefinitionId { get; init; }
    public string? BindingKey { get; init; }
    public JsonObject? Input { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>The same key twice starts one instance; the second call gets the first's result.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The new instance's id when the caller must know it before the run (a dispatched start); a fresh one otherwise.</summary>
    public Guid? InstanceId { get; init; }
}

/// <summary>Resume one bookmark by its id.</summary>
public sealed record ResumeBookmarkRequest(Guid BookmarkId, JsonNode? Payload = null, string? IdempotencyKey = null);

/// <summary>Deliver a signal to every bookmark waiting for it (by name and correlation).</summary>
public sealed record SignalRequest(string Signal, string? CorrelationId, JsonNode? Payload = null, string? IdempotencyKey = null);

/// <summary>The state of an instance after a start, resume or cancel.</summary>
public sealed record WorkflowRunResult(
    Guid InstanceId,
    WorkflowStatus Status,
    bool Replayed,
    IReadOnlyList<BookmarkView> Bookmarks,
    string? FaultMessage);

public sealed record BookmarkView(Guid Id, string ActivityId, string Name, string Stimulus, string? CorrelationId, DateTime CreatedAt);

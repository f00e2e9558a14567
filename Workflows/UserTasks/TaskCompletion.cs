using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>
/// The resume payload that completes a user task: who, which action, against which revision, and what
/// the host wants written into the completion's audit entry (e.g. which fields were corrected).
/// </summary>
public sealed record TaskCompletion(string User, string Action, int ExpectedRevision, string OperationId, JsonNode? FormData, JsonObject? Audit = null);

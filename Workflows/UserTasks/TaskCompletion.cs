using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.UserTasks;

/// <summary>The resume payload that completes a user task: who, which action, against which revision.</summary>
public sealed record TaskCompletion(string User, string Action, int ExpectedRevision, string OperationId, JsonNode? FormData);

using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Audit;

/// <summary>A state change to record: who did what to which subject.</summary>
public sealed record AuditEvent(string SubjectType, string SubjectId, string Action, string Actor, JsonObject? Data = null);

/// <summary>A stored entry of a subject's chain.</summary>
public sealed record AuditEntry(
    long Sequence,
    string SubjectType,
    string SubjectId,
    string Action,
    string Actor,
    JsonObject? Data,
    DateTime OccurredAt,
    string PreviousHash,
    string Hash);

/// <summary>The result of re-computing a subject's chain.</summary>
public sealed record AuditChainVerification(bool IsIntact, int Entries, long? FirstBrokenSequence, string? Problem);

/// <summary>Subject types used across the system, so chains are found by the same names everywhere.</summary>
public static class AuditSubjects
{
    public const string Definition = "definition";
    public const string User = "user";
    public const string Dossier = "dossier";
    public const string Task = "task";
}

using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Append-only audit log, hash-chained per subject.</summary>
public interface IAuditLog
{
    /// <summary>Appends in its own transaction.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Adds the entry to the caller's unit of work, so it commits (or not) with the change it records.</summary>
    Task StageAsync(WorkflowDbContext db, AuditEvent auditEvent, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(string subjectType, string subjectId, CancellationToken cancellationToken);

    Task<AuditChainVerification> VerifyAsync(string subjectType, string subjectId, CancellationToken cancellationToken);
}

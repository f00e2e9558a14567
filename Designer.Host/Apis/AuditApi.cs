using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Audit trails per subject, and a check that a chain is intact.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Oversee);
        group.MapGet("/{subjectType}/{subjectId}", (string subjectType, string subjectId, IAuditLog audit, CancellationToken ct) => audit.ReadAsync(subjectType, subjectId, ct));
        group.MapGet("/{subjectType}/{subjectId}/verify", (string subjectType, string subjectId, IAuditLog audit, CancellationToken ct) => audit.VerifyAsync(subjectType, subjectId, ct));
        return group;
    }
}

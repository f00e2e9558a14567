using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmartKiosk.Activities.Issuance.Verification;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Revocation of issued copies (administrators), recorded in the audit trail of the copy.</summary>
public static class CopiesApi
{
    public const string AuditSubject = "certified-copy";

    public static RouteGroupBuilder MapCopiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/copies").WithTags("Certified copies");
        group.MapPost("/{copyId:guid}/revoke", RevokeAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Revokes an issued copy with a reason; verification then answers Revoked.");
        return group;
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> RevokeAsync(
        Guid copyId, RevokeBody body, HttpContext http, CopyVerifier copies, IAuditLog audit, CancellationToken cancellationToken)
    {
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return TypedResults.Problem(title: "Cần ghi lý do thu hồi (tối đa 1.000 ký tự) / A revocation reason is required (at most 1,000 characters)", statusCode: StatusCodes.Status400BadRequest);
        }
        switch (await copies.RevokeAsync(copyId, reason, cancellationToken))
        {
            case Revocation.NotFound:
                return TypedResults.NotFound();
            case Revocation.AlreadyRevoked:
                return TypedResults.Conflict(new ProblemDetails { Title = "Bản sao đã bị thu hồi trước đó / The copy was already revoked", Status = StatusCodes.Status409Conflict });
        }
        await audit.AppendAsync(new AuditEvent(AuditSubject, copyId.ToString(), "revoked", http.User.Identity?.Name ?? "unknown",
            new JsonObject { ["reason"] = reason }), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>Body of POST /api/copies/{id}/revoke.</summary>
public sealed record RevokeBody(string? Reason);

using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SmartKiosk.Activities.Review;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Review;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>
/// The clerk workspace as a REST API (the screens use the same services): the inbox, a task's review,
/// its scanned pages, the decisions, batch approval after re-authentication. Reading is open to clerks,
/// administrators and auditors within their agency; deciding to clerks and administrators.
/// </summary>
public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Review").RequireAuthorization(Policies.ReadTasks);
        read.MapGet("/inbox", ([AsParameters] InboxFilter filter, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
            inbox.ListAsync(BackOfficeActor.From(user), filter, ct))
            .WithSummary("The review inbox of the signed-in account's agency: filters, sort, paging, counts per status and deadline state.");
        read.MapGet("/reviews/{taskId:guid}", (Guid taskId, ClaimsPrincipal user, DossierReviewReader reader, CancellationToken ct) =>
            reader.ReadAsync(BackOfficeActor.From(user), taskId, ct))
            .WithSummary("One task's review: fields with doubtful characters, findings, face distance, liveness, journal.");
        read.MapGet("/reviews/{taskId:guid}/pages/{number:int}", async (Guid taskId, int number, ClaimsPrincipal user, DossierReviewReader reader, HttpContext http, CancellationToken ct) =>
            {
                var image = await reader.PageAsync(BackOfficeActor.From(user), taskId, number, ct);
                // Scans are personal data: not kept by browsers or proxies.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(image, image is [0xFF, 0xD8, ..] ? "image/jpeg" : "image/png");
            })
            .WithSummary("A scanned page of the dossier (JPEG or PNG), numbered from 1.");
        read.MapGet("/reviews/rejection-grounds", () => TypedResults.Ok(RejectionGrounds.All))
            .WithSummary("The grounds an officer may refuse on (Decree 23/2015 Art. 22 and void papers), in Vietnamese and English.");

        var act = app.MapGroup("/api").WithTags("Review").RequireAuthorization(Policies.WorkTasks);
        act.MapPost("/reviews/{taskId:guid}/approve", (Guid taskId, ApproveRequest body, ClaimsPrincipal user, ReviewDecisions decisions, CancellationToken ct) =>
            decisions.ApproveAsync(BackOfficeActor.From(user), taskId, body, ct))
            .WithSummary("Approve and sign as the signed-in officer, optionally with corrected fields (each audited).");
        act.MapPost("/reviews/{taskId:guid}/reject", (Guid taskId, RejectRequest body, ClaimsPrincipal user, ReviewDecisions decisions, CancellationToken ct) =>
            decisions.RejectAsync(BackOfficeActor.From(user), taskId, body, ct))
            .WithSummary("Refuse on one or more grounds from the list, with a note.");
        act.MapPost("/reviews/{taskId:guid}/rescan", (Guid taskId, RescanRequest body, ClaimsPrincipal user, ReviewDecisions decisions, CancellationToken ct) =>
            decisions.RescanAsync(BackOfficeActor.From(user), taskId, body, ct))
            .WithSummary("Ask the citizen for a new scan (they are told by e-mail and resume by receipt code at any kiosk).");
        act.MapPost("/reauth", (ReauthRequest body, ClaimsPrincipal user, Reauthentication reauth, CancellationToken ct) =>
            reauth.GrantAsync(user, body.Password, ct))
            .WithSummary("Confirm the password before signing a batch; returns a token valid for five minutes.");
        act.MapPost("/reviews/batch-approve", (BatchApproveRequest body, ClaimsPrincipal user, ReviewDecisions decisions, CancellationToken ct) =>
            decisions.ApproveBatchAsync(user, BackOfficeActor.From(user), body, ct))
            .WithSummary("Approve several clear dossiers, each signed individually, with per-dossier results.");
        return app;
    }
}

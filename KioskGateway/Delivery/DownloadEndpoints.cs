using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Delivery;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Delivery;

/// <summary>
/// The download behind the kiosk's QR code: a signed, expiring link to the signed PDF. A revoked copy
/// is no longer handed out (410); a stale or altered link is 404 like any unknown address.
/// </summary>
public static class DownloadEndpoints
{
    public static void MapDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/d/{token}", async (string token, DownloadLinks links, IssuanceDbContextFactory issuance, IBlobStore blobs, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } copyId)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{PublicText.Vi("Problem.LinkExpired")} / {PublicText.En("Problem.LinkExpired")}");
            }
            await using var db = issuance.Create();
            var copy = await db.CertifiedCopies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == copyId, ct);
            if (copy is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{PublicText.Vi("Problem.LinkExpired")} / {PublicText.En("Problem.LinkExpired")}");
            }
            if (copy.RevokedAt is not null)
            {
                return Results.Problem(statusCode: StatusCodes.Status410Gone, title: $"{PublicText.Vi("Problem.Revoked")} / {PublicText.En("Problem.Revoked")}");
            }
            var pdf = await blobs.ReadAsync(copy.Sha256, ct);
            var name = VerificationCode.TryParse(copy.VerificationCode, out var code) ? $"ban-sao-chung-thuc-{code.Formatted}.pdf" : "ban-sao-chung-thuc.pdf";
            return Results.File(pdf, "application/pdf", name);
        })
        .AllowAnonymous()
        .RequireRateLimiting(PublicVerificationEndpoints.RateLimitPolicy)
        .WithTags("Public")
        .WithSummary("Downloads an issued copy by its signed, expiring link (the kiosk's QR code).");
}

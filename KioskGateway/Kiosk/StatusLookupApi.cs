using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Codes;
using SmartKiosk.KioskGateway.Problems;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>
/// The 'mobile public service' lookup: anyone holding a receipt sees the dossier's status and, once
/// issued, its verification code and download link — no recognised data, no personal details.
/// Rate-limited like the other public endpoints; the receipt code is a 54-bit bearer secret.
/// </summary>
public static class StatusLookupApi
{
    public static void MapStatusLookup(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/dossiers/{receiptCode}", async Task<Results<Ok<DossierStatusView>, ProblemHttpResult>> (string receiptCode, DossierStore store, DossierService service, DossierViews views, CancellationToken ct) =>
        {
            var found = ReceiptCode.TryParse(receiptCode, out var code) ? await store.FindByReceiptAsync(code.Value, ct) : null;
            if (found is null)
            {
                return KioskProblems.Result(KioskProblem.ReceiptNotFound, StatusCodes.Status404NotFound);
            }
            var (dossier, progress) = await service.GetAsync(found.Id, ct);
            return TypedResults.Ok(views.Status(dossier, progress));
        })
        .AllowAnonymous()
        .RequireRateLimiting(PublicVerificationEndpoints.RateLimitPolicy)
        .WithTags("Public")
        .WithSummary("A dossier's status and result by its receipt code.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.KioskGateway.Problems;
using SmartKiosk.KioskGateway.Security;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>
/// A browser kiosk enrols with the one-time code an administrator issued: it sends the public half of
/// an ECDSA P-256 key it made non-extractable, and signs every later request with it.
/// </summary>
public static class EnrolmentApi
{
    public static void MapKioskEnrolment(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/kiosk/enrolment", async Task<Results<Ok<EnrolResponse>, ProblemHttpResult>> (EnrolRequest request, KioskRegistry registry, CancellationToken ct) =>
        {
            try
            {
                var device = await registry.EnrolAsync(request.Code ?? "", request.PublicKey ?? "", ct);
                return TypedResults.Ok(new EnrolResponse(device.Id, device.KeyId!, KioskRequestSignature.EcdsaScheme));
            }
            catch (KioskRegistryException ex)
            {
                return KioskProblems.Result(KioskProblem.EnrolmentRefused, StatusCodes.Status422UnprocessableEntity, ex.Message, new Dictionary<string, object?> { ["reason"] = ex.Code });
            }
        })
        .AllowAnonymous()
        .RequireRateLimiting(PublicVerificationEndpoints.RateLimitPolicy)
        .WithTags("Kiosk")
        .WithSummary("Enrols a browser kiosk: a one-time code and the kiosk's ECDSA P-256 public key (SPKI, base64).");
}

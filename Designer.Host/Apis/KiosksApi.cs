using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>
/// The kiosk registry for administrators: register a kiosk, issue (or rotate) its HMAC credential —
/// shown once —, issue a one-time enrolment code for a browser kiosk, disable and enable it.
/// Auditors read the list. An account bound to an agency sees and changes that agency's kiosks only.
/// Every change is audited on the kiosk's chain.
/// </summary>
public static class KiosksApi
{
    public static RouteGroupBuilder MapKiosksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kiosks").WithTags("Kiosks");
        group.MapGet("/", async (HttpContext http, KioskRegistry registry, CancellationToken ct) =>
                (await registry.ListAsync(ct)).Where(k => BackOfficeActor.From(http.User).MaySee(k.AgencyId)).ToList())
            .RequireAuthorization(Policies.Oversee)
            .WithSummary("The registered kiosks with their status and last contact (never their secrets).");
        group.MapPost("/", async Task<Results<Created<KioskDevice>, ProblemHttpResult>> (KioskRegistration body, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
            await Refusable(async () =>
            {
                if (!BackOfficeActor.From(http.User).MaySee(body.AgencyId))
                {
                    throw new KioskRegistryException("not-found", "No such agency.");
                }

                var device = await registry.RegisterAsync(body, Actor(http), ct);
                return TypedResults.Created($"/api/kiosks/{device.Id}", device);
            }))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Registers a kiosk (id, name, agency, branch, location).");
        group.MapPost("/{id}/credential", async Task<Results<Ok<KioskCredential>, ProblemHttpResult>> (string id, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
            await Refusable(async () => { await VisibleAsync(id, http, registry, ct); return TypedResults.Ok(await registry.IssueSecretAsync(id, Actor(http), ct)); }))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Issues a new HMAC credential (shown once); the previous one stops working at once.");
        group.MapPost("/{id}/enrolment-code", async Task<Results<Ok<KioskEnrolmentCode>, ProblemHttpResult>> (string id, int? validMinutes, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
            await Refusable(async () => TypedResults.Ok(await registry.IssueEnrolmentCodeAsync(await VisibleAsync(id, http, registry, ct), TimeSpan.FromMinutes(Math.Clamp(validMinutes ?? 30, 1, 24 * 60)), Actor(http), ct))))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Issues a one-time code a browser kiosk enrols with (valid 30 minutes unless said otherwise).");
        group.MapPost("/{id}/disable", async Task<Results<Ok<KioskDevice>, ProblemHttpResult>> (string id, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
            await Refusable(async () => TypedResults.Ok(await registry.SetStatusAsync(await VisibleAsync(id, http, registry, ct), KioskStatus.Disabled, Actor(http), ct))))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Disables a kiosk: its next request is refused.");
        group.MapPost("/{id}/enable", async Task<Results<Ok<KioskDevice>, ProblemHttpResult>> (string id, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
            await Refusable(async () => TypedResults.Ok(await registry.SetStatusAsync(await VisibleAsync(id, http, registry, ct), KioskStatus.Active, Actor(http), ct))))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Enables a disabled kiosk.");
        return group;
    }

    private static async Task<Results<T, ProblemHttpResult>> Refusable<T>(Func<Task<T>> action)
        where T : IResult
    {
        try
        {
            return await action();
        }
        catch (KioskRegistryException ex)
        {
            var (status, title) = ex.Code switch
            {
                "not-found" => (StatusCodes.Status404NotFound, "Không tìm thấy kiosk / The kiosk was not found"),
                "duplicate" => (StatusCodes.Status409Conflict, "Mã kiosk đã được đăng ký / The kiosk id is already registered"),
                _ => (StatusCodes.Status400BadRequest, "Thông tin kiosk không hợp lệ / The kiosk details are not valid"),
            };
            return TypedResults.Problem(detail: ex.Message, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
        }
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    /// <summary>The kiosk's id when the caller may see its agency; another agency's kiosk does not exist for them.</summary>
    private static async Task<string> VisibleAsync(string id, HttpContext http, KioskRegistry registry, CancellationToken ct) =>
        await registry.FindAsync(id, ct) is { } kiosk && BackOfficeActor.From(http.User).MaySee(kiosk.AgencyId)
            ? id
            : throw new KioskRegistryException("not-found", $"Kiosk '{id}' was not found.");
}

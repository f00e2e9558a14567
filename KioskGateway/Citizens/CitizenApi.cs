using System.Net.Mail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Citizens;
using SmartKiosk.Activities.Delivery;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.KioskGateway.Problems;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Citizens;

/// <summary>
/// The citizen app's API (the 'mobile public service'): sign in with a one-time code sent to the address
/// given at the kiosk, then list and download one's own certified copies with a bearer token. The token
/// flow is in docs/decisions/kiosk-dossiers.md.
/// </summary>
public static class CitizenApi
{
    public const string Scheme = "Citizen";
    public const string Policy = "citizen";

    public static void MapCitizenApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/citizen").WithTags("Citizen app").AllowAnonymous().RequireRateLimiting(PublicVerificationEndpoints.RateLimitPolicy);
        open.MapPost("/sign-in", async Task<Results<Accepted, ProblemHttpResult>> (CitizenSignInRequest request, CitizenAuthService auth, CancellationToken ct) =>
        {
            if (!MailAddress.TryCreate(request.Email?.Trim(), out _) || request.Email!.Length > 254)
            {
                return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status400BadRequest, "The e-mail address is not valid.");
            }
            await auth.RequestCodeAsync(request.Email, ct);
            return TypedResults.Accepted((string?)null);
        }).WithSummary("Sends a one-time sign-in code to the address, if a dossier gave it (the answer is the same either way).");
        open.MapPost("/token", async Task<Results<Ok<CitizenTokens>, ProblemHttpResult>> (CitizenTokenRequest request, CitizenAuthService auth, CancellationToken ct) =>
        {
            var tokens = request.GrantType switch
            {
                "sign_in_code" when request.Email is not null && request.Code is not null => await auth.SignInAsync(request.Email, request.Code, ct),
                "refresh_token" when request.RefreshToken is not null => await auth.RefreshAsync(request.RefreshToken, ct),
                _ => null,
            };
            return tokens is null
                ? KioskProblems.Result(KioskProblem.InvalidGrant, StatusCodes.Status400BadRequest, "The code or refresh token is not valid (OAuth error invalid_grant).", new Dictionary<string, object?> { ["error"] = "invalid_grant" })
                : TypedResults.Ok(tokens);
        }).WithSummary("Tokens for a sign-in code (grant_type sign_in_code) or the next ones for a refresh token (grant_type refresh_token).");

        var mine = app.MapGroup("/api/citizen/copies").WithTags("Citizen app").RequireAuthorization(Policy);
        mine.MapGet("/", ListAsync).WithSummary("The signed-in citizen's certified copies, newest first.");
        mine.MapGet("/{copyId:guid}/pdf", DownloadAsync).WithSummary("One of the signed-in citizen's copies, as the signed PDF.");
    }

    public static IServiceCollection AddCitizenAuthentication(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        authentication.AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<CitizenTokenKey>((o, key) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new Microsoft.IdentityModel.Tokens.TokenValidationParameters
            {
                ValidIssuer = CitizenTokenOptions.Issuer,
                ValidAudience = CitizenTokenOptions.Audience,
                IssuerSigningKey = key.Key,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(CitizenAuthService.CitizenClaim));
        return services;
    }

    private static async Task<Ok<List<CitizenCopyView>>> ListAsync(HttpContext http, DossierDbContextFactory dossiers, IssuanceDbContextFactory issuance, DownloadLinks links, CancellationToken ct)
    {
        var citizen = http.User.FindFirst(CitizenAuthService.CitizenClaim)!.Value;
        await using var db = dossiers.Create();
        var issued = await db.Dossiers.AsNoTracking()
            .Where(d => d.CitizenKey == citizen && d.Status == DossierStatus.Issued && d.CopyId != null)
            .Select(d => new { d.CopyId, d.DocumentType, d.ReceiptCode })
            .ToListAsync(ct);
        var ids = issued.Select(d => d.CopyId!.Value).ToList();
        await using var copies = issuance.Create();
        var records = await copies.CertifiedCopies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return TypedResults.Ok(records
            .OrderByDescending(c => c.IssuedAt)
            .Select(c =>
            {
                var link = c.RevokedAt is null ? links.Create(c.Id) : null;
                return new CitizenCopyView(
                    c.Id,
                    VerificationCode.TryParse(c.VerificationCode, out var code) ? code.Formatted : c.VerificationCode,
                    issued.First(d => d.CopyId == c.Id).DocumentType,
                    c.AgencyId,
                    c.IssuedAt,
                    c.RevokedAt is not null,
                    link?.Url,
                    link?.ExpiresAt);
            })
            .ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid copyId, HttpContext http, DossierDbContextFactory dossiers, IssuanceDbContextFactory issuance, IBlobStore blobs, CancellationToken ct)
    {
        var citizen = http.User.FindFirst(CitizenAuthService.CitizenClaim)!.Value;
        await using var db = dossiers.Create();
        var owns = await db.Dossiers.AsNoTracking().AnyAsync(d => d.CitizenKey == citizen && d.CopyId == copyId && d.Status == DossierStatus.Issued, ct);
        await using var copies = issuance.Create();
        var copy = owns ? await copies.CertifiedCopies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == copyId, ct) : null;
        if (copy is null || copy.RevokedAt is not null)
        {
            // Someone else's copy does not exist for this citizen.
            return KioskProblems.Result(KioskProblem.DossierNotFound, copy is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone);
        }
        return TypedResults.File(await blobs.ReadAsync(copy.Sha256, ct), "application/pdf", $"ban-sao-chung-thuc-{copy.VerificationCode}.pdf");
    }
}

public sealed record CitizenSignInRequest(string? Email);

/// <summary>OAuth-style token request: grant_type sign_in_code (email, code) or refresh_token (refresh_token).</summary>
public sealed record CitizenTokenRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("grant_type")] string? GrantType,
    [property: System.Text.Json.Serialization.JsonPropertyName("email")] string? Email,
    [property: System.Text.Json.Serialization.JsonPropertyName("code")] string? Code,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken);

public sealed record CitizenCopyView(Guid CopyId, string VerificationCode, string DocumentType, string AgencyId, DateTimeOffset IssuedAt, bool Revoked, string? DownloadUrl, DateTimeOffset? DownloadExpiresAt);

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Issuance.Verification;

namespace SmartKiosk.KioskGateway.Verification;

/// <summary>
/// Public verification, open to anyone and rate-limited per client address: by code (JSON, and the
/// page the QR code opens) and by uploading the PDF. Unknown codes answer exactly like known ones
/// (200 with status "Unknown"), so the answers do not reveal which codes exist beyond the one asked.
/// </summary>
public static class PublicVerificationEndpoints
{
    public const string RateLimitPolicy = "public-verification";

    public static IServiceCollection AddPublicVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicVerificationOptions>().Bind(configuration.GetSection(PublicVerificationOptions.SectionName));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(
                    title: $"{PublicText.Vi("Problem.TooMany")} / {PublicText.En("Problem.TooMany")}",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<PublicVerificationOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return options.ExemptAddresses.Contains(address)
                    ? RateLimitPartition.GetNoLimiter(address)
                    : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicVerification(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Public verification");
        group.MapGet("/api/public/copies/{code}", ByCodeAsync)
            .WithSummary("The status of a certified copy by its verification code (valid, revoked or unknown).");
        group.MapPost("/api/public/verify", ByFileAsync).DisableAntiforgery()
            .WithSummary("Whether an uploaded PDF is byte for byte an issued copy with valid signatures, and if not, why.");
        group.MapGet("/v/{code}", (string code, CopyVerifier verifier, CancellationToken ct) => PageAsync(code, verifier, ct))
            .ExcludeFromDescription();
        group.MapGet("/verify", (string? code, CopyVerifier verifier, CancellationToken ct) => PageAsync(code, verifier, ct))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<PublicCopyStatus>> ByCodeAsync(string code, CopyVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.ByCodeAsync(code, cancellationToken));

    private static async Task<Results<Ok<PdfVerification>, ProblemHttpResult>> ByFileAsync(
        HttpRequest request, CopyVerifier verifier, IOptions<PublicVerificationOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPdfBytes;
        byte[]? pdf = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            if (file is not null && file.Length <= limit)
            {
                using var memory = new MemoryStream();
                await file.CopyToAsync(memory, cancellationToken);
                pdf = memory.ToArray();
            }
        }
        else if (request.ContentLength is { } length && length <= limit)
        {
            using var memory = new MemoryStream();
            await request.Body.CopyToAsync(memory, cancellationToken);
            pdf = memory.ToArray();
        }
        if (pdf is null || pdf.Length < 5 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return TypedResults.Problem(
                title: $"{PublicText.Vi("Problem.NotPdf")} / {PublicText.En("Problem.NotPdf")}",
                statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Ok(await verifier.ByPdfAsync(pdf, cancellationToken));
    }

    private static async Task<ContentHttpResult> PageAsync(string? code, CopyVerifier verifier, CancellationToken cancellationToken)
    {
        var status = code is null ? null : await verifier.ByCodeAsync(code, cancellationToken);
        return TypedResults.Content(VerificationPage.Render(status, code), "text/html; charset=utf-8", statusCode: (int)HttpStatusCode.OK);
    }
}

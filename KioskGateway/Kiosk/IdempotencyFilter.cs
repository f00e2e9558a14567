using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.KioskGateway.Problems;
using SmartKiosk.KioskGateway.Security;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>
/// Every mutating kiosk call carries an <c>Idempotency-Key</c>. The first call with a key does the
/// work and its answer is kept; the same key with the same request gets that answer again (marked
/// <c>Idempotent-Replayed: true</c>) without doing the work twice; with another request it is
/// refused. A call still running answers 409 to its twin, and a call that failed on the server
/// leaves no answer, so its retry runs. A call whose node died mid-way (killed, crashed) would stay
/// "running" for ever: once older than <see cref="AbandonedAfter"/> its retry takes it over and does the work.
/// </summary>
public sealed class IdempotencyFilter(DossierDbContextFactory factory, IOptions<JsonOptions> json, TimeProvider time, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// Longer than a live call runs: a kiosk call waits for its workflow run, which another node takes over
    /// after the dispatch lease (30 s), and proxies give up on a request after 60 s. Doing the work again is
    /// safe: the dossier's stage and the workflow's bookmarks refuse a step already taken.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(90);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length is 0 or > 100 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'))
        {
            return KioskProblems.Result(KioskProblem.IdempotencyKeyMissing, StatusCodes.Status400BadRequest, "Send an Idempotency-Key header of 1–100 letters, digits, '-', '_', ':' or '.'.");
        }

        var deviceId = http.User.DeviceIdOf();
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}{http.Request.QueryString}\n{http.User.SignedContentHashOf()}")));
        var ct = http.RequestAborted;

        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = factory.Create())
        {
            db.KioskRequests.Add(new KioskRequestRecord { DeviceId = deviceId, IdempotencyKey = key, RequestHash = requestHash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                var earlier = await db.KioskRequests.AsNoTracking().SingleOrDefaultAsync(r => r.DeviceId == deviceId && r.IdempotencyKey == key, ct);
                if (earlier is null)
                {
                    throw;
                }
                if (earlier.RequestHash != requestHash)
                {
                    return KioskProblems.Result(KioskProblem.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request.");
                }
                if (earlier.StatusCode != 0)
                {
                    http.Response.Headers[ReplayedHeader] = "true";
                    return Results.Text(earlier.ResponseJson ?? "", earlier.StatusCode >= 400 ? "application/problem+json" : "application/json", Encoding.UTF8, earlier.StatusCode);
                }
                if (earlier.CreatedAt > now - AbandonedAfter || !await TakeOverAsync(db, earlier, now, ct))
                {
                    http.Response.Headers.RetryAfter = "2";
                    return KioskProblems.Result(KioskProblem.RequestInProgress, StatusCodes.Status409Conflict);
                }
                logger.LogWarning("Kiosk {DeviceId}'s request {Key} was left running since {Since:O} (its node stopped); its retry does the work", deviceId, key, earlier.CreatedAt);
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ForgetAsync(deviceId, key);
            throw;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 500)
        {
            await ForgetAsync(deviceId, key);
            return result;
        }
        var body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
        await using (var db = factory.Create())
        {
            await db.KioskRequests
                .Where(r => r.DeviceId == deviceId && r.IdempotencyKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.ResponseJson, body), CancellationToken.None);
        }
        return result;
    }

    /// <summary>Claims an abandoned call for this retry; of two retries at once, one wins.</summary>
    private static async Task<bool> TakeOverAsync(DossierDbContext db, KioskRequestRecord abandoned, DateTime now, CancellationToken ct) =>
        await db.KioskRequests
            .Where(r => r.DeviceId == abandoned.DeviceId && r.IdempotencyKey == abandoned.IdempotencyKey && r.StatusCode == 0 && r.CreatedAt == abandoned.CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), ct) == 1;

    private async Task ForgetAsync(string deviceId, string key)
    {
        try
        {
            await using var db = factory.Create();
            await db.KioskRequests.Where(r => r.DeviceId == deviceId && r.IdempotencyKey == key).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Could not forget the failed request {Key} of kiosk {DeviceId}", key, deviceId);
        }
    }
}

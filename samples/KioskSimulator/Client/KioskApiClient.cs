using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>
/// The kiosk API as a kiosk uses it: every request signed, every mutating call with an idempotency
/// key that is kept across retries, so a lost response is retried without doing the work twice.
/// </summary>
public sealed class KioskApiClient(HttpClient http, RequestSigner signer)
{
    private const int Attempts = 3;
    private static readonly TimeSpan InProgressPatience = TimeSpan.FromMinutes(2);

    public Task<JsonObject> DocumentTypesAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "/api/kiosk/document-types", null, ct);

    public Task<JsonObject> StartAsync(string documentType, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/kiosk/dossiers", Json(new JsonObject { ["documentType"] = documentType }), ct);

    public Task<JsonObject> GetAsync(Guid dossierId, CancellationToken ct) => SendAsync(HttpMethod.Get, $"/api/kiosk/dossiers/{dossierId}", null, ct);

    /// <summary>Uploads an image (kind page, frame or id-card); the answer carries its address and the quality gate's issues.</summary>
    public Task<JsonObject> UploadAsync(Guid dossierId, string kind, byte[] image, string? source, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/kiosk/dossiers/{dossierId}/uploads/{kind}" + (source is null ? "" : $"?source={source}"), new Body(image, "application/octet-stream"), ct);

    public Task<JsonObject> ScanAsync(Guid dossierId, IEnumerable<string> pages, string? source, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/scan", Json(new JsonObject { ["pages"] = Array(pages), ["source"] = source }), ct);

    public Task<JsonObject> ConsentAsync(Guid dossierId, bool agreed, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/consent", Json(new JsonObject { ["agreed"] = agreed }), ct);

    public Task<JsonObject> IdentityAsync(Guid dossierId, IEnumerable<string> frames, string? idCardFront, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/identity", Json(new JsonObject { ["frames"] = Array(frames), ["idCardFront"] = idCardFront }), ct);

    /// <param name="disputedFields">Keys of recognised fields the citizen says are wrong (the officer corrects them).</param>
    public Task<JsonObject> ConfirmAsync(Guid dossierId, string? email, IReadOnlyList<string>? disputedFields, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/confirmation", Json(new JsonObject { ["email"] = email, ["disputedFields"] = Array(disputedFields ?? []) }), ct);

    /// <summary>After the copy is issued: the citizen who gave no address asks for it by e-mail.</summary>
    public Task<JsonObject> EmailCopyAsync(Guid dossierId, string email, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/email", Json(new JsonObject { ["email"] = email }), ct);

    public Task<JsonObject> WithdrawAsync(Guid dossierId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/kiosk/dossiers/{dossierId}/withdrawal", Json([]), ct);

    public Task<JsonObject> ResumeAsync(string receiptCode, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/kiosk/dossiers/resumption", Json(new JsonObject { ["receiptCode"] = receiptCode }), ct);

    /// <summary>
    /// Pays a fee order the way the citizen's e-wallet does in the sandbox (the sandbox provider's
    /// settlement endpoint; not a kiosk call, so not signed). Returns the settled order.
    /// </summary>
    public async Task<JsonObject> PayInSandboxAsync(string reference, CancellationToken ct)
    {
        using var response = await http.PostAsync($"/api/sandbox/payments/{Uri.EscapeDataString(reference)}?outcome=paid", null, ct);
        await ThrowIfFailedAsync(response, ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject ?? [];
    }

    /// <summary>
    /// The dossier's live progress: each server-sent event's view, until the stream ends. Reconnects
    /// with Last-Event-ID when the connection drops, so no change is missed or seen twice.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> EventsAsync(Guid dossierId, [EnumeratorCancellation] CancellationToken ct)
    {
        string? lastEventId = null;
        var ended = false;
        while (!ended && !ct.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/kiosk/dossiers/{dossierId}/events");
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }
            signer.Sign(request, RequestSigner.Sha256([]));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await ThrowIfFailedAsync(response, ct);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var data = new StringBuilder();
            string? id = null;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0 && JsonNode.Parse(data.ToString()) is JsonObject view)
                    {
                        lastEventId = id ?? lastEventId;
                        yield return view;
                    }
                    data.Clear();
                    id = null;
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line.AsSpan(5).TrimStart());
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = line[3..].Trim();
                }
            }
            // The server closes the stream when the dossier ends (or after its longest stream time).
            ended = true;
        }
    }

    /// <summary>One signed call; mutating calls get an idempotency key kept across the retries.</summary>
    public async Task<JsonObject> SendAsync(HttpMethod method, string path, Body? body, CancellationToken ct)
    {
        var idempotencyKey = method == HttpMethod.Get ? null : Guid.NewGuid().ToString("N");
        var waitedInProgress = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body.Content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.MediaType);
            }
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            signer.Sign(request, RequestSigner.Sha256(body?.Content ?? []));
            try
            {
                using var response = await http.SendAsync(request, ct);
                if ((int)response.StatusCode >= 500 && attempt < Attempts)
                {
                    continue;
                }
                // The same call still running: wait as the server says. One whose node died is taken over by
                // the server after a while (IdempotencyFilter.AbandonedAfter), so the wait is long enough for that.
                if (response.StatusCode == HttpStatusCode.Conflict && waitedInProgress < InProgressPatience && await IsInProgressAsync(response, ct))
                {
                    var pause = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * attempt);
                    await Task.Delay(pause, ct);
                    waitedInProgress += pause;
                    attempt--; // waiting for a twin is not a failed attempt
                    continue;
                }
                await ThrowIfFailedAsync(response, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                return text.Length == 0 ? [] : JsonNode.Parse(text) switch
                {
                    JsonObject o => o,
                    JsonArray a => new JsonObject { ["items"] = a },
                    _ => [],
                };
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                // The network dropped the call; the same idempotency key makes the retry safe.
            }
        }
    }

    private static async Task<bool> IsInProgressAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadAsStringAsync(ct)).Contains("\"request-in-progress\"", StringComparison.Ordinal);

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? problem = null;
        try
        {
            problem = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }
        throw new KioskApiException(response.StatusCode, problem);
    }

    private static Body Json(JsonObject value) => new(Encoding.UTF8.GetBytes(value.ToJsonString()), "application/json");

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}

/// <summary>A request body and its media type.</summary>
public sealed record Body(byte[] Content, string MediaType);

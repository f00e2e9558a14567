using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway.Kiosk;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.TestSupport.Scans;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The kiosk API refuses what a kiosk did not send, or sent before: unsigned, expired, replayed,
/// tampered and cross-device requests, a disabled kiosk, oversize and malformed uploads, a reused
/// idempotency key — each with problem details — and the public lookups are rate-limited.
/// </summary>
public sealed class KioskSecurityTests(KioskGatewayOnLoopback fixture) : IClassFixture<KioskGatewayOnLoopback>
{
    private static readonly string StartBody = """{"documentType":"cccd"}""";
    private static readonly string[] ProblemStatuses = ["401", "404", "409", "422"];

    [Fact]
    public async Task An_unsigned_request_is_refused_with_problem_details()
    {
        using var http = Http();
        using var response = await http.PostAsync("/api/kiosk/dossiers", Json(StartBody));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unsigned");
    }

    [Fact]
    public async Task A_replayed_request_is_refused_and_does_no_work_twice()
    {
        using var http = Http();
        using var first = Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, "replay-" + Guid.NewGuid());
        using var replay = Copy(first, StartBody);

        using var accepted = await http.SendAsync(first);
        using var refused = await http.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await AssertProblemAsync(refused, HttpStatusCode.Unauthorized, "replayed");
    }

    [Fact]
    public async Task A_request_signed_ten_minutes_ago_is_refused()
    {
        var late = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        using var http = Http();
        using var request = Signed(HttpMethod.Get, "/api/kiosk/document-types", null, null, new RequestSigner(fixture.DemoKiosk, late));

        using var response = await http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        using var http = Http();
        using var signed = Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, "tamper-" + Guid.NewGuid());
        signed.Content = Json("""{"documentType":"land-use-certificate"}""");

        using var response = await http.SendAsync(signed);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "bad-signature");
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        var forged = fixture.DemoKiosk with { Secret = Convert.ToBase64String(new byte[32]) };
        using var http = Http();
        using var request = Signed(HttpMethod.Get, "/api/kiosk/document-types", null, null, new RequestSigner(forged, TimeProvider.System));

        using var response = await http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "bad-signature");
    }

    [Fact]
    public async Task A_kiosk_does_not_see_another_kiosks_dossier_and_a_disabled_kiosk_is_refused_at_once()
    {
        var registry = fixture.Host.Services.GetRequiredService<KioskRegistry>();
        var id = "other-kiosk-" + Guid.NewGuid().ToString("N")[..8];
        await registry.RegisterAsync(new KioskRegistration(id, "Kiosk khác", "hn-hoan-kiem", "Sảnh", "Tầng 1"), "admin", CancellationToken.None);
        var issued = await registry.IssueSecretAsync(id, "admin", CancellationToken.None);
        var other = fixture.Kiosk(new Samples.KioskSimulator.Client.KioskCredential(issued.DeviceId, issued.KeyId, issued.Secret, null));
        var dossier = await fixture.Kiosk().StartAsync("cccd", CancellationToken.None);
        var dossierId = Guid.Parse(dossier["dossierId"]!.GetValue<string>());

        var crossDevice = await Assert.ThrowsAsync<KioskApiException>(() => other.GetAsync(dossierId, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, crossDevice.Status);
        Assert.Equal("dossier-not-found", crossDevice.Code);

        Assert.NotNull(await other.DocumentTypesAsync(CancellationToken.None));
        await registry.SetStatusAsync(id, KioskStatus.Disabled, "admin", CancellationToken.None);
        var disabled = await Assert.ThrowsAsync<KioskApiException>(() => other.DocumentTypesAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.Status);
        Assert.Equal("device-disabled", disabled.Code);
    }

    [Fact]
    public async Task A_browser_kiosk_enrols_with_a_one_time_code_and_signs_with_its_ecdsa_key()
    {
        var registry = fixture.Host.Services.GetRequiredService<KioskRegistry>();
        var id = "web-kiosk-" + Guid.NewGuid().ToString("N")[..8];
        await registry.RegisterAsync(new KioskRegistration(id, "Kiosk trình duyệt", "hn-hoan-kiem", "Sảnh", "Tầng 1"), "admin", CancellationToken.None);
        var code = await registry.IssueEnrolmentCodeAsync(id, TimeSpan.FromMinutes(5), "admin", CancellationToken.None);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var http = Http();

        using var enrolment = await http.PostAsJsonAsync("/api/kiosk/enrolment", new { code = code.Code, publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) });
        using var reused = await http.PostAsJsonAsync("/api/kiosk/enrolment", new { code = code.Code, publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) });
        var enrolled = await enrolment.Content.ReadFromJsonAsync<JsonObject>();
        var keyId = enrolled!["keyId"]!.GetValue<string>();

        // What WebCrypto does: ECDSA P-256 with SHA-256 over the canonical string, IEEE P1363 form.
        HttpRequestMessage SignedWith(System.Security.Cryptography.ECDsa signingKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/kiosk/document-types");
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var nonce = Guid.NewGuid().ToString("N");
            var hash = RequestSigner.Sha256([]);
            var canonical = Encoding.UTF8.GetBytes($"GET\n/api/kiosk/document-types\n{timestamp}\n{nonce}\n{hash}");
            var signature = signingKey.SignData(canonical, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            request.Headers.TryAddWithoutValidation("Authorization", $"SK1-ECDSA-P256 Credential={keyId}, Signature={Convert.ToBase64String(signature)}");
            request.Headers.Add("X-SK-Timestamp", timestamp);
            request.Headers.Add("X-SK-Nonce", nonce);
            request.Headers.Add("X-SK-Content-SHA256", hash);
            return request;
        }
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var accepted = await http.SendAsync(SignedWith(key));
        using var forged = await http.SendAsync(SignedWith(other));

        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        Assert.Equal(id, enrolled["deviceId"]!.GetValue<string>());
        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "enrolment-refused");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertProblemAsync(forged, HttpStatusCode.Unauthorized, "bad-signature");
    }

    [Fact]
    public async Task Uploads_that_are_too_large_malformed_or_bombs_are_refused_and_not_kept()
    {
        var kiosk = fixture.Kiosk();
        var dossier = await kiosk.StartAsync("cccd", CancellationToken.None);
        var dossierId = Guid.Parse(dossier["dossierId"]!.GetValue<string>());

        var oversize = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.UploadAsync(dossierId, "page", new byte[26 * 1024 * 1024], null, CancellationToken.None));
        var garbage = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.UploadAsync(dossierId, "page", Encoding.ASCII.GetBytes("<script>alert(1)</script>"), null, CancellationToken.None));
        var bomb = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.UploadAsync(dossierId, "page", ScanBytes.Png(100_000, 100_000), null, CancellationToken.None));
        var wrongKind = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.UploadAsync(dossierId, "exe", [1, 2, 3], null, CancellationToken.None));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "upload-too-large"), (oversize.Status, oversize.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "upload-unreadable"), (garbage.Status, garbage.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "upload-too-large"), (bomb.Status, bomb.Code));
        Assert.Equal("too-many-pixels", bomb.Problem!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.Status);
        var after = await kiosk.GetAsync(dossierId, CancellationToken.None);
        Assert.Equal("kiosk.scan", after["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idempotency_key_replays_its_answer_and_refuses_another_request()
    {
        using var http = Http();
        var key = "idem-" + Guid.NewGuid();
        using var first = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));
        using var again = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));
        using var other = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", """{"documentType":"diploma"}""", key));
        using var none = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, null));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["dossierId"]!.GetValue<string>();
        var againId = (await again.Content.ReadFromJsonAsync<JsonObject>())!["dossierId"]!.GetValue<string>();
        Assert.Equal(firstId, againId);
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await AssertProblemAsync(none, HttpStatusCode.BadRequest, "idempotency-key-missing");
    }

    [Fact]
    public async Task A_call_left_running_by_a_node_that_died_is_done_by_its_retry_once_abandoned()
    {
        using var http = Http();
        var key = "abandoned-" + Guid.NewGuid();
        using var first = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // As a node killed mid-call leaves it: the key's record says "running", with no answer kept.
        await LeaveRunningAsync(key, since: DateTime.UtcNow.AddSeconds(-10));
        using var young = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));
        await AssertProblemAsync(young, HttpStatusCode.Conflict, "request-in-progress");
        Assert.Equal(TimeSpan.FromSeconds(2), young.Headers.RetryAfter?.Delta);

        await LeaveRunningAsync(key, since: DateTime.UtcNow - IdempotencyFilter.AbandonedAfter - TimeSpan.FromSeconds(1));
        using var retried = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));
        using var replayed = await http.SendAsync(Signed(HttpMethod.Post, "/api/kiosk/dossiers", StartBody, key));

        // The retry did the work (a start makes a new dossier) and its answer is the one kept from then on.
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyFilter.ReplayedHeader));
        Assert.Equal("true", replayed.Headers.GetValues(IdempotencyFilter.ReplayedHeader).Single());
        var retriedId = (await retried.Content.ReadFromJsonAsync<JsonObject>())!["dossierId"]!.GetValue<string>();
        var replayedId = (await replayed.Content.ReadFromJsonAsync<JsonObject>())!["dossierId"]!.GetValue<string>();
        Assert.Equal(retriedId, replayedId);
    }

    private async Task LeaveRunningAsync(string key, DateTime since)
    {
        await using var db = fixture.Host.Services.GetRequiredService<DossierDbContextFactory>().Create();
        var updated = await db.KioskRequests.Where(r => r.IdempotencyKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, 0).SetProperty(r => r.ResponseJson, (string?)null).SetProperty(r => r.CreatedAt, since));
        Assert.Equal(1, updated);
    }

    [Fact]
    public async Task Script_in_a_field_is_refused_as_invalid_input_not_stored()
    {
        var kiosk = fixture.Kiosk();
        var dossier = await kiosk.StartAsync("cccd", CancellationToken.None);
        var dossierId = Guid.Parse(dossier["dossierId"]!.GetValue<string>());

        var unknownType = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.StartAsync("<img src=x onerror=alert(1)>", CancellationToken.None));
        var foreignPage = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.ScanAsync(dossierId, [new string('a', 64)], "Scanner", CancellationToken.None));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-document-type"), (unknownType.Status, unknownType.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid-input"), (foreignPage.Status, foreignPage.Code));
    }

    [Fact]
    public async Task The_kiosk_api_is_described_by_openapi_with_its_problem_answers()
    {
        using var http = Http();
        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = document!["paths"]!.AsObject();

        foreach (var path in new[] { "/api/kiosk/dossiers", "/api/kiosk/dossiers/{id}/uploads/{kind}", "/api/kiosk/dossiers/{id}/scan", "/api/kiosk/dossiers/{id}/events", "/api/kiosk/dossiers/resumption", "/api/public/dossiers/{receiptCode}", "/api/citizen/copies" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        }
        var scanAnswers = paths["/api/kiosk/dossiers/{id}/scan"]!["post"]!["responses"]!.AsObject();
        foreach (var status in ProblemStatuses)
        {
            Assert.True(scanAnswers[status]!["content"]!.AsObject().ContainsKey("application/problem+json"), status);
        }
    }

    [Fact]
    public async Task The_public_status_lookup_is_rate_limited()
    {
        await using var limited = fixture.Host.WithWebHostBuilder(b => b.UseSetting("PublicVerification:PermitPerMinute", "3"));
        using var client = limited.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/public/dossiers/K7PM-3QXD-9FWR");
            answers.Add(response.StatusCode);
        }

        Assert.All(answers.Take(3), status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3]);
    }

    private HttpClient Http() => new() { BaseAddress = fixture.Address };

    private HttpRequestMessage Signed(HttpMethod method, string path, string? body, string? idempotencyKey, RequestSigner? signer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = Json(body);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        (signer ?? new RequestSigner(fixture.DemoKiosk, TimeProvider.System)).Sign(request, RequestSigner.Sha256(Encoding.UTF8.GetBytes(body ?? "")));
        return request;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, string body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = Json(body) };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(code, problem!["code"]!.GetValue<string>());
        Assert.Contains(" / ", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

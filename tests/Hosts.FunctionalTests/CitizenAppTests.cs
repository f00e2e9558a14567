using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The citizen app's API over a real socket: a one-time code e-mailed (to a real SMTP server) to the
/// address given at the kiosk, tokens for it, the citizen's own copies listed and downloaded, refresh
/// tokens rotated and a replayed one revoking its family.
/// </summary>
public sealed partial class CitizenAppTests(KioskGatewayOnLoopback fixture) : IClassFixture<KioskGatewayOnLoopback>
{
    [Fact]
    public async Task A_citizen_signs_in_with_a_mailed_code_and_downloads_their_copy()
    {
        var ct = CancellationToken.None;
        const string email = "cong.dan.app@example.vn";
        var copyId = await IssueCopyForAsync(email, seed: 21);
        using var app = new HttpClient { BaseAddress = fixture.Address };

        using var asked = await app.PostAsJsonAsync("/api/citizen/sign-in", new { email }, ct);
        using var stranger = await app.PostAsJsonAsync("/api/citizen/sign-in", new { email = "nobody@example.vn" }, ct);
        var mail = await fixture.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").Contains("Sign-in code", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var code = SixDigits().Match(mail.TextBody ?? "").Value;
        using var wrong = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "sign_in_code", ["email"] = email, ["code"] = code == "000000" ? "111111" : "000000" }, ct);
        using var right = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "sign_in_code", ["email"] = email, ["code"] = code }, ct);
        using var again = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "sign_in_code", ["email"] = email, ["code"] = code }, ct);

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var tokens = (await right.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());

        using var anonymous = await app.GetAsync("/api/citizen/copies", ct);
        app.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        var copies = await app.GetFromJsonAsync<JsonArray>("/api/citizen/copies", ct);
        var pdf = await app.GetByteArrayAsync($"/api/citizen/copies/{copyId}/pdf", ct);
        using var foreign = await app.GetAsync($"/api/citizen/copies/{Guid.NewGuid()}/pdf", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var listed = Assert.Single(copies!);
        Assert.Equal(copyId.ToString(), listed!["copyId"]!.GetValue<string>());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        using var browser = new HttpClient();
        Assert.Equal(pdf, await browser.GetByteArrayAsync(listed["downloadUrl"]!.GetValue<string>(), ct));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Refresh tokens rotate; a spent one used again revokes its whole family.
        var first = tokens["refresh_token"]!.GetValue<string>();
        using var refreshed = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = first }, ct);
        var second = (await refreshed.Content.ReadFromJsonAsync<JsonObject>(ct))!["refresh_token"]!.GetValue<string>();
        using var replayed = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = first }, ct);
        using var revoked = await app.PostAsJsonAsync("/api/citizen/token", new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = second }, ct);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, revoked.StatusCode);
    }

    private async Task<Guid> IssueCopyForAsync(string email, int seed)
    {
        var ct = CancellationToken.None;
        var submitted = await new DossierSubmitter(fixture.Kiosk()).SubmitAsync(SyntheticCase.Create("cccd", seed, KioskGatewayOnLoopback.Faces) with { Email = email }, ct);
        await fixture.ActAsOfficerAsync(submitted.DossierId, "Approve");
        var issued = await fixture.Host.Services.GetRequiredService<DossierStore>().GetAsync(submitted.DossierId, ct);
        Assert.Equal(DossierStatus.Issued, issued!.Status);
        return issued.CopyId!.Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

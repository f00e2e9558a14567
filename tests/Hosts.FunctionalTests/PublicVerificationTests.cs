using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The gateway's public verification on PostgreSQL: a copy issued by the host's own services is then
/// checked anonymously by code, by its page and by uploading the file.
/// </summary>
public sealed class PublicVerificationTests(PostgresGatewayHost fixture) : IClassFixture<PostgresGatewayHost>
{
    private HostFactory<GatewayEntryPoint> Host => fixture.Host;

    [Fact]
    public async Task Anyone_can_check_a_copy_by_code_and_learns_nothing_personal()
    {
        var (copy, card) = await IssueAsync("public-1");
        using var client = Host.CreateBrowserlessClient();

        var status = await client.GetFromJsonAsync<JsonObject>($"/api/public/copies/{copy.VerificationCode}");
        var raw = await client.GetStringAsync($"/api/public/copies/{copy.VerificationCode}");

        Assert.Equal("Valid", status!["status"]!.ToString());
        Assert.Equal(copy.NumberLabel, status["certificationNumber"]!.ToString());
        Assert.Equal(SeedAgencies.HoanKiem.Name, status["agency"]!.ToString());
        Assert.DoesNotContain(card.Fields["idNumber"], raw, StringComparison.Ordinal);
        Assert.DoesNotContain(card.Fields["fullName"], raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K7PM-3QXD-9FWA-2HTN-RC")]
    [InlineData("garbage")]
    [InlineData("%3Cscript%3E")]
    public async Task Unknown_and_malformed_codes_get_the_same_answer(string code)
    {
        using var client = Host.CreateBrowserlessClient();

        var response = await client.GetAsync($"/api/public/copies/{code}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unknown", body!["status"]!.ToString());
        Assert.Null(body["agency"]);
    }

    [Fact]
    public async Task The_page_the_qr_code_opens_shows_the_status_in_both_languages_and_encodes_what_it_echoes()
    {
        var (copy, _) = await IssueAsync("public-2");
        using var client = Host.CreateBrowserlessClient();

        var page = await client.GetStringAsync(new Uri(copy.VerificationUrl).PathAndQuery);
        var hostile = await client.GetStringAsync("/verify?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Contains("Bản sao hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains("The copy is valid", page, StringComparison.Ordinal);
        Assert.Contains(copy.NumberLabel, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hostile, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_copy_is_authentic_and_a_tampered_one_says_why()
    {
        var (copy, _) = await IssueAsync("public-3");
        var pdf = await Host.Services.GetRequiredService<IBlobStore>().ReadAsync(copy.Sha256, CancellationToken.None);
        using var client = Host.CreateBrowserlessClient();

        var genuine = await VerifyAsync(client, pdf);
        pdf[pdf.Length / 2] ^= 0x01;
        var tampered = await VerifyAsync(client, pdf);
        using var notPdf = new ByteArrayContent("just text"u8.ToArray());
        var refused = await client.PostAsync("/api/public/verify", notPdf);

        Assert.True(genuine!["authentic"]!.GetValue<bool>());
        Assert.False(tampered!["authentic"]!.GetValue<bool>());
        Assert.Contains("signature-broken", tampered["findings"]!.AsArray().Select(f => f!.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Too_many_requests_from_one_client_are_refused_with_a_readable_problem()
    {
        await using var limited = Host.WithWebHostBuilder(b => b.UseSetting("PublicVerification:PermitPerMinute", "3"));
        using var client = limited.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetAsync("/api/public/copies/K7PM-3QXD-9FWA-2HTN-RC"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Equal("60", answers[3].Headers.GetValues("Retry-After").Single());
        Assert.Contains("Quá nhiều yêu cầu", await answers[3].Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject?> VerifyAsync(HttpClient client, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/public/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    private async Task<(IssuedCopy Copy, GeneratedDocument Card)> IssueAsync(string original)
    {
        var (front, back) = new DocumentGenerator(original.Length * 97).IdCard(canCuoc2024: false, CaptureKind.Scan);
        var copy = await Host.Services.GetRequiredService<CopyIssuer>().IssueAsync(
            new IssueRequest(SeedAgencies.HoanKiem.Id, SeedAgencies.HoanKiemOfficer.Id, original, "cccd-2021-front",
                new LocalizedText("Căn cước công dân", "Citizen identity card"), [new(front.Image, 85.6, 54), new(back.Image, 85.6, 54)], 4_000),
            CancellationToken.None);
        return (copy, front);
    }
}

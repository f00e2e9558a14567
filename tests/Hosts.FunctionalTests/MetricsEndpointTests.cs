using System.Net;
using System.Net.Http.Headers;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The Prometheus scrape endpoint of both hosts: the engine's gauges and the web server's metrics for the holder
/// of the scrape token, a problem for anyone else (the test server has no loopback address, so without a token
/// nobody is answered here; MetricsScrapeAccessTests covers loopback).
/// </summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task The_gateway_answers_the_scraper_with_its_token_and_refuses_others()
    {
        await using var host = new HostFactory<GatewayEntryPoint>();
        host.Settings["Observability:ScrapeToken"] = "scrape-secret";
        using var client = host.CreateClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        var anonymous = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var slash = await client.GetAsync(new Uri("/metrics/", UriKind.Relative));
        var wrong = await ScrapeAsync(client, "not-the-token");
        var scraped = await ScrapeAsync(client, "scrape-secret");
        var text = await scraped.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, slash.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("smartkiosk_workflow_queue_depth", text, StringComparison.Ordinal);
        Assert.Contains("smartkiosk_workflow_outbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_refuses_a_scrape_without_the_token()
    {
        await using var host = new HostFactory<DesignerHostEntryPoint>();
        using var client = host.CreateClient();

        var anonymous = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

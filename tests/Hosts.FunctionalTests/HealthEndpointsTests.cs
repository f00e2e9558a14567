using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// What an orchestrator probes: live answers without checks, ready runs every dependency — database, blob store,
/// mail, Tesseract, face models — with real parts (the embedded SQLite, the encrypted folder, a socket to an SMTP
/// port, the native OCR engine).
/// </summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_answers_and_ready_checks_every_dependency_with_real_parts()
    {
        await using var host = new HostFactory<GatewayEntryPoint>();
        using var client = host.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        Assert.Equal(["blob-store", "database", "face-models", "mail", "tesseract"], report.Entries.Keys.Order());
        foreach (var name in new[] { "database", "blob-store", "mail", "tesseract" })
        {
            Assert.True(report.Entries[name].Status == HealthStatus.Healthy, $"{name}: {report.Entries[name].Description} {report.Entries[name].Exception}");
        }
        Assert.NotEqual(HealthStatus.Unhealthy, report.Entries["face-models"].Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_mail_server_that_does_not_answer_makes_the_node_degraded_not_unready()
    {
        // A port nothing listens on: the connection is refused, as when the SMTP server is down.
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = new HostFactory<GatewayEntryPoint>();
        host.Settings["Delivery:Email:Smtp:Host"] = "127.0.0.1";
        host.Settings["Delivery:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = host.CreateClient();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "mail", CancellationToken.None);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HealthStatus.Degraded, report.Entries["mail"].Status);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.NotEqual("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}

using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// Enumerates every endpoint both hosts map and calls each one without credentials: only the
/// endpoints listed here as public may answer; all others must refuse (401, or a redirect to the
/// login page for back-office pages). A new endpoint is covered the moment it is mapped.
/// </summary>
public sealed class AnonymousAccessTests
{
    // /metrics takes no sign-in but Prometheus' scrape token (MetricsEndpointTests); it is not the users' authentication.
    private static readonly HashSet<string> DesignerPublic = ["/health", "/health/live", "/health/ready", "/metrics", "/Account/Login", "/Account/AccessDenied", "/culture/{culture}"];
    private static readonly HashSet<string> GatewayPublic =
        ["/health", "/health/live", "/health/ready", "/metrics", "/openapi/{documentName}.json", "/api/public/copies/{code}", "/api/public/verify", "/v/{code}", "/verify",
         "/api/public/dossiers/{receiptCode}", "/d/{token}", "/api/kiosk/enrolment", "/api/sandbox/payments/{reference}",
         "/api/citizen/sign-in", "/api/citizen/token"];

    [Fact]
    public async Task Every_non_public_Designer_endpoint_refuses_anonymous_requests()
    {
        await using var host = new HostFactory<DesignerHostEntryPoint>();
        var checkedCount = await CheckAllAsync(host, DesignerPublic, (path, response) =>
        {
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode} to an anonymous {response.RequestMessage?.Method} request");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode} to an anonymous {response.RequestMessage?.Method} request");
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        });
        Assert.True(checkedCount >= 15, $"only {checkedCount} endpoints were found; the enumeration is broken");
    }

    [Fact]
    public async Task Every_non_public_Gateway_endpoint_refuses_anonymous_requests()
    {
        await using var host = new HostFactory<GatewayEntryPoint>();
        await CheckAllAsync(host, GatewayPublic, (path, response) =>
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode} to an anonymous {response.RequestMessage?.Method} request"));

        using var client = host.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/kiosk/sessions")).StatusCode);
    }

    private static async Task<int> CheckAllAsync<T>(HostFactory<T> host, HashSet<string> expectedPublic, Action<string, HttpResponseMessage> assertRefused)
        where T : class
    {
        using var client = host.CreateBrowserlessClient();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var foundPublic = new HashSet<string>();
        var count = 0;
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (AuthorisationMatrixTests.StaticFile("GET " + template))
            {
                continue;
            }
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                foundPublic.Add(template);
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var path = RoutePaths.Concrete(template);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                assertRefused(path, response);
                count++;
            }
        }

        Assert.Equal(expectedPublic.Order(), foundPublic.Order());
        return count;
    }

}

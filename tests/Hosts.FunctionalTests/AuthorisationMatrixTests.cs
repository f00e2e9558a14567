using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// Every back-office endpoint × every kind of caller (anonymous, clerk, auditor, administrator) against an
/// explicit table of who may call what. A caller who may is let through to the endpoint (whatever it then
/// answers for a made-up id); one who may not gets 401 or 403 (pages: the login or access-denied page).
/// An endpoint missing from the table fails the test, so a new one needs a deliberate decision.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Host fixture) : IClassFixture<AuthorisationMatrixTests.Host>
{
    public enum Access
    {
        Public,
        SignedIn,
        ReadTasks,
        WorkTasks,
        Oversee,
        Administer,

        /// <summary>Prometheus' scrape token only (no user, whatever their role): MetricsEndpointTests.</summary>
        Scraper,
    }

    private static readonly string[] Callers = ["anonymous", "clerk", "auditor", "admin"];

    private static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        ["GET /health"] = Access.Public,
        ["GET /health/live"] = Access.Public,
        ["GET /health/ready"] = Access.Public,
        ["GET /metrics"] = Access.Scraper,
        ["GET /Account/Login"] = Access.Public,
        ["GET /Account/AccessDenied"] = Access.Public,
        ["GET /Account/Logout"] = Access.SignedIn,
        ["GET /"] = Access.SignedIn,
        ["GET /Index"] = Access.SignedIn,
        ["GET /openapi/{documentName}.json"] = Access.Oversee,
        ["GET /culture/{culture}"] = Access.Public,
        ["GET /admin/audit"] = Access.Oversee,
        ["GET /admin/kiosks"] = Access.Oversee,
        ["GET /admin/templates"] = Access.Oversee,
        ["POST /admin/templates"] = Access.Oversee,
        ["GET /admin/templates/{TemplateId}"] = Access.Oversee,
        ["POST /admin/templates/{TemplateId}"] = Access.Oversee,
        ["GET /admin/document-types"] = Access.Oversee,
        ["POST /admin/document-types"] = Access.Oversee,
        ["GET /admin/fees"] = Access.Oversee,
        ["POST /admin/fees"] = Access.Oversee,
        ["GET /admin/statement"] = Access.Oversee,
        ["POST /admin/statement"] = Access.Oversee,
        ["GET /admin/users"] = Access.Administer,
        ["GET /admin/certificates"] = Access.Administer,
        ["POST /admin/certificates"] = Access.Administer,
        ["POST /admin/users"] = Access.Administer,
        ["POST /admin/kiosks"] = Access.Oversee,
        ["POST /admin/audit"] = Access.Oversee,
        ["GET /flows"] = Access.Oversee,
        ["POST /flows"] = Access.Oversee,
        ["GET /flows/{DefinitionId}"] = Access.Administer,
        ["GET /instances"] = Access.Oversee,
        ["POST /instances"] = Access.Oversee,
        ["GET /instances/{InstanceId:guid}"] = Access.Oversee,
        ["POST /instances/{InstanceId:guid}"] = Access.Oversee,
        ["GET /reports"] = Access.Oversee,
        ["POST /reports"] = Access.Oversee,
        ["POST /flows/{DefinitionId}"] = Access.Administer,
        ["GET /tasks"] = Access.ReadTasks,
        ["POST /tasks"] = Access.ReadTasks,
        ["GET /tasks/{TaskId:guid}"] = Access.ReadTasks,
        ["POST /tasks/{TaskId:guid}"] = Access.ReadTasks,
        ["GET /_blazor"] = Access.SignedIn,
        ["GET /_blazor/negotiate"] = Access.SignedIn,
        ["GET /_blazor/disconnect/"] = Access.SignedIn,
        ["GET /_blazor/initializers/"] = Access.SignedIn,
        ["GET /_framework/opaque-redirect"] = Access.SignedIn,
        ["GET /api/me"] = Access.SignedIn,
        ["GET /api/activities/"] = Access.Oversee,
        ["GET /api/definitions/"] = Access.Oversee,
        ["GET /api/definitions/{definitionId}"] = Access.Oversee,
        ["GET /api/definitions/{definitionId}/versions"] = Access.Oversee,
        ["GET /api/definitions/{definitionId}/changes"] = Access.Oversee,
        ["POST /api/definitions/"] = Access.Administer,
        ["POST /api/definitions/validate"] = Access.Administer,
        ["POST /api/definitions/import"] = Access.Administer,
        ["DELETE /api/definitions/{definitionId}/draft"] = Access.Administer,
        ["POST /api/expressions/evaluate"] = Access.Administer,
        ["POST /api/definitions/{definitionId}/publish"] = Access.Administer,
        ["POST /api/definitions/{definitionId}/retract"] = Access.Administer,
        ["POST /api/definitions/{definitionId}/versions/{version:int}/revert"] = Access.Administer,
        ["GET /api/bindings/"] = Access.Oversee,
        ["PUT /api/bindings/{key}"] = Access.Administer,
        ["GET /api/instances/"] = Access.Oversee,
        ["GET /api/reports/dashboard"] = Access.Oversee,
        ["GET /api/reports/dashboard.csv"] = Access.Oversee,
        ["POST /api/instances/"] = Access.Administer,
        ["GET /api/instances/{instanceId:guid}"] = Access.Oversee,
        ["GET /api/instances/{instanceId:guid}/journal"] = Access.Oversee,
        ["POST /api/instances/{instanceId:guid}/cancel"] = Access.Administer,
        ["POST /api/instances/{instanceId:guid}/retry"] = Access.Administer,
        ["GET /api/incidents"] = Access.Oversee,
        ["POST /api/bookmarks/{bookmarkId:guid}/resume"] = Access.Administer,
        ["POST /api/signals/{signal}"] = Access.Administer,
        ["GET /api/tasks/"] = Access.WorkTasks,
        ["GET /api/tasks/{taskId:guid}"] = Access.WorkTasks,
        ["POST /api/tasks/{taskId:guid}/claim"] = Access.WorkTasks,
        ["POST /api/tasks/{taskId:guid}/release"] = Access.WorkTasks,
        ["POST /api/tasks/{taskId:guid}/assign"] = Access.WorkTasks,
        ["POST /api/tasks/{taskId:guid}/complete"] = Access.WorkTasks,
        ["POST /api/tasks/{taskId:guid}/cancel"] = Access.WorkTasks,
        ["GET /api/inbox"] = Access.ReadTasks,
        ["GET /api/reviews/{taskId:guid}"] = Access.ReadTasks,
        ["GET /api/reviews/{taskId:guid}/pages/{number:int}"] = Access.ReadTasks,
        ["GET /api/reviews/rejection-grounds"] = Access.ReadTasks,
        ["POST /api/reviews/{taskId:guid}/approve"] = Access.WorkTasks,
        ["POST /api/reviews/{taskId:guid}/reject"] = Access.WorkTasks,
        ["POST /api/reviews/{taskId:guid}/rescan"] = Access.WorkTasks,
        ["POST /api/reauth"] = Access.WorkTasks,
        ["POST /api/reviews/batch-approve"] = Access.WorkTasks,
        ["GET /api/calendar/holidays/"] = Access.SignedIn,
        ["PUT /api/calendar/holidays/{date}"] = Access.Administer,
        ["DELETE /api/calendar/holidays/{date}"] = Access.Administer,
        ["GET /api/audit/{subjectType}/{subjectId}"] = Access.Oversee,
        ["GET /api/audit/{subjectType}/{subjectId}/verify"] = Access.Oversee,
        ["POST /api/copies/{copyId:guid}/revoke"] = Access.Administer,
        ["GET /api/kiosks/"] = Access.Oversee,
        ["POST /api/kiosks/"] = Access.Administer,
        ["POST /api/kiosks/{id}/credential"] = Access.Administer,
        ["POST /api/kiosks/{id}/enrolment-code"] = Access.Administer,
        ["POST /api/kiosks/{id}/disable"] = Access.Administer,
        ["POST /api/kiosks/{id}/enable"] = Access.Administer,
    };

    /// <summary>
    /// The files of the screens (styles, scripts of Blazor and MudBlazor): public like any web page's, and
    /// holding nothing of anyone's. They are served before authentication, so the sign-in page can use them.
    /// </summary>
    public static bool StaticFile(string endpoint)
    {
        var path = endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return path == "/{**path:file}" || path.StartsWith("/_content/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal)
            || path.StartsWith("/js/", StringComparison.Ordinal)
            || (path.StartsWith("/_framework/", StringComparison.Ordinal) && Path.HasExtension(path))
            || (path.StartsWith("/SmartKiosk.Designer.Host.", StringComparison.Ordinal) && path.Contains(".styles.css", StringComparison.Ordinal));
    }

    private static bool Allows(Access access, string caller) => access switch
    {
        Access.Public => true,
        Access.SignedIn => caller != "anonymous",
        Access.ReadTasks => caller is "clerk" or "auditor" or "admin",
        Access.WorkTasks => caller is "clerk" or "admin",
        Access.Oversee => caller is "auditor" or "admin",
        Access.Scraper => false,
        _ => caller == "admin",
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct()
            .Where(e => !StaticFile(e))
            .ToList();
        var unlisted = endpoints.Where(e => !Table.ContainsKey(e)).ToList();
        var gone = Table.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(unlisted.Count == 0, "not in the table: " + string.Join(", ", unlisted));
        Assert.True(gone.Count == 0, "in the table but not mapped: " + string.Join(", ", gone));

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = fixture.Factory.CreateBrowserlessClient() };
        foreach (var caller in Callers.Skip(1))
        {
            clients[caller] = await fixture.Factory.SignInAsync(caller);
        }

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var (method, template) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            foreach (var caller in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), RoutePaths.Concrete(template));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await clients[caller].SendAsync(request);
                var refused = await RefusedAsync(template, response);
                if (refused == Allows(Table[endpoint], caller))
                {
                    wrong.Add($"{endpoint} as {caller}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.Empty(wrong);
    }

    /// <summary>
    /// Whether authorisation turned the caller away: 401/403 without a problem of ours (our own refusals,
    /// such as a wrong password for re-authentication, carry our problem type), or a page's redirect to sign in or access denied.
    /// </summary>
    private static async Task<bool> RefusedAsync(string template, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.OriginalString;
            return location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal);
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var body = await response.Content.ReadAsStringAsync();
            return !body.Contains("https://smartkiosk.local/problems/", StringComparison.Ordinal);
        }
        return false;
    }


    /// <summary>One back office with its seeded accounts.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public HostFactory<DesignerHostEntryPoint> Factory { get; } = new();

        public Task InitializeAsync()
        {
            _ = Factory.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}

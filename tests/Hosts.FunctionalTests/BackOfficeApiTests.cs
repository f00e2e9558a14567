using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>The back office's REST API over the real PostgreSQL of the run, signed in through the real login form.</summary>
public sealed class BackOfficeApiTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    private readonly HostFactory<DesignerHostEntryPoint> _host = fixture.Host;

    [Fact]
    public async Task First_run_seeds_one_account_per_role_with_an_audited_creation()
    {
        var credentials = await File.ReadAllTextAsync(Path.Combine(_host.DataPath, "first-run-credentials.txt"));
        Assert.Contains("user: admin", credentials);
        Assert.Contains("user: clerk", credentials);
        Assert.Contains("user: auditor", credentials);
        Assert.Equal(20, _host.PasswordOf("admin").Length);

        using var auditor = await _host.SignInAsync("auditor");
        var me = await auditor.GetFromJsonAsync<JsonObject>("/api/me");
        Assert.Equal("auditor", me!["roles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_readable_Vietnamese_message()
    {
        using var client = _host.CreateBrowserlessClient();
        var form = await client.GetStringAsync("/Account/Login");
        Assert.Contains("Đăng nhập", form);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_login_post_without_antiforgery_token_is_refused()
    {
        using var client = _host.CreateBrowserlessClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = _host.PasswordOf("admin"),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Roles_decide_who_may_read_and_who_may_change_workflows()
    {
        using var clerk = await _host.SignInAsync("clerk");
        using var auditor = await _host.SignInAsync("auditor");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/definitions", Json(SampleDefinition("by-auditor")))).StatusCode);
    }

    [Fact]
    public async Task An_administrator_saves_publishes_and_runs_a_workflow_with_an_idempotent_start()
    {
        using var admin = await _host.SignInAsync("admin");
        var toolbox = await admin.GetFromJsonAsync<JsonArray>("/api/activities");
        Assert.Contains(toolbox!, a => a!["type"]!.GetValue<string>() == "WaitForSignal");

        var saved = await admin.PostAsync("/api/definitions", Json(SampleDefinition("api-flow")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions/api-flow/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/bindings/CCCD", new { definitionId = "api-flow" })).StatusCode);

        async Task<JsonObject> StartAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(new { bindingKey = "CCCD", correlationId = "HS-1" }) };
            request.Headers.Add("Idempotency-Key", "kiosk-1:start-1");
            var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var first = await StartAsync();
        var second = await StartAsync();
        Assert.Equal(first["instanceId"]!.ToString(), second["instanceId"]!.ToString());
        Assert.True(second["replayed"]!.GetValue<bool>());

        var signalled = await admin.PostAsJsonAsync("/api/signals/scanned", new { correlationId = "HS-1", payload = new { pages = 2 } });
        var results = await signalled.Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal("Finished", results![0]!["status"]!.GetValue<string>());

        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{first["instanceId"]}/journal");
        Assert.Equal(
            ["start:Completed", "wait:Suspended", "wait:Resumed", "end:EndWorkflow"],
            journal!.Select(j => $"{j!["activityId"]}:{j["status"]}"));

        var chain = await admin.GetFromJsonAsync<JsonObject>("/api/audit/definition/api-flow/verify");
        Assert.True(chain!["isIntact"]!.GetValue<bool>());
        Assert.Equal(3, chain["entries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Hostile_definitions_get_problem_details_and_nothing_is_stored()
    {
        using var admin = await _host.SignInAsync("admin");

        var huge = new StringBuilder("{\"definitionId\":\"huge\",\"name\":\"");
        huge.Append('x', 50 * 1024 * 1024).Append("\"}");
        var tooLarge = await admin.PostAsync("/api/definitions", new StringContent(huge.ToString(), Encoding.UTF8, "application/json"));
        await AssertProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "Dữ liệu quá lớn");

        var malformed = await admin.PostAsync("/api/definitions", new StringContent("{\"definitionId\": \"bad\", ", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");

        var deep = new StringContent("{\"definitionId\":\"deep\",\"name\":\"d\",\"metadata\":{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}}", Encoding.UTF8, "application/json");
        await AssertProblemAsync(await admin.PostAsync("/api/definitions", deep), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");

        var scripted = SampleDefinition("scripted");
        scripted["name"] = "<script>alert('x')</script>";
        var refused = await admin.PostAsync("/api/definitions", Json(scripted));
        var problem = await AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "Quy trình không hợp lệ");
        Assert.Equal("unsafe-text", problem["errors"]![0]!["code"]!.GetValue<string>());

        foreach (var id in new[] { "huge", "bad", "deep", "scripted" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Publishing_an_invalid_definition_explains_each_problem_in_English_when_asked()
    {
        using var admin = await _host.SignInAsync("admin");
        var broken = SampleDefinition("broken");
        broken["root"]!["connections"]!.AsArray().RemoveAt(1);
        await admin.PostAsync("/api/definitions", Json(broken));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/broken/publish");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var response = await admin.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "The workflow definition is not valid");
        var messages = problem["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.Contains("'wait'", StringComparison.Ordinal) && m.Contains("'Done'", StringComparison.Ordinal) && m.Contains("not connected", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'end'", StringComparison.Ordinal) && m.Contains("cannot be reached", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        return problem;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject SampleDefinition(string id) => JsonNode.Parse($$"""
        {
          "definitionId": "{{id}}",
          "name": "Chứng thực bản sao {{id}}",
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForSignal", "inputs": { "Signal": { "type": "Literal", "value": "scanned" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """)!.AsObject();
}

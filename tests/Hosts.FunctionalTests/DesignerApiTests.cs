using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The designer's API beyond saving and publishing: import of documents from elsewhere (hostile ones refused, nothing
/// stored or overwritten), the changes since the published version, deleting a draft, saving against a revision, and
/// the expression test. Real PostgreSQL, signed in through the login form.
/// </summary>
public sealed class DesignerApiTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    private readonly HostFactory<DesignerHostEntryPoint> _host = fixture.Host;

    public static TheoryData<string, HttpStatusCode, string> HostileImports => new()
    {
        { "huge", HttpStatusCode.RequestEntityTooLarge, "" },
        { "deep", HttpStatusCode.BadRequest, "" },
        { "malformed", HttpStatusCode.BadRequest, "" },
        { "unknown-type", HttpStatusCode.UnprocessableEntity, "unknown-type" },
        { "script-in-name", HttpStatusCode.UnprocessableEntity, "unsafe-text" },
        { "script-in-activity-name", HttpStatusCode.UnprocessableEntity, "unsafe-text" },
        { "cyclic", HttpStatusCode.UnprocessableEntity, "loop-without-exit" },
        { "existing-id", HttpStatusCode.Conflict, "" },
    };

    [Theory]
    [MemberData(nameof(HostileImports))]
    public async Task A_hostile_import_is_refused_with_a_problem_and_the_stored_workflows_are_untouched(string kind, HttpStatusCode status, string code)
    {
        using var admin = await _host.SignInAsync("admin");
        var existingId = "import-target-" + kind;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions", Json(Sample(existingId)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/definitions/{existingId}/publish", null)).StatusCode);
        var before = await admin.GetStringAsync($"/api/definitions/{existingId}/versions");
        var listBefore = await admin.GetStringAsync("/api/definitions");

        var id = kind == "existing-id" ? existingId : "import-" + kind;
        var document = Sample(id);
        string body;
        switch (kind)
        {
            case "huge":
                body = new StringBuilder("{\"definitionId\":\"" + id + "\",\"name\":\"").Append('x', 50 * 1024 * 1024).Append("\"}").ToString();
                break;
            case "deep":
                body = "{\"definitionId\":\"" + id + "\",\"name\":\"d\",\"metadata\":{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}}";
                break;
            case "malformed":
                body = "{\"definitionId\": \"" + id + "\", \"root\": {";
                break;
            default:
                if (kind == "unknown-type") document["root"]!["activities"]![1]!["type"] = "Shell.Execute";
                if (kind == "script-in-name") document["name"] = "<script>alert('x')</script>";
                if (kind == "script-in-activity-name") document["root"]!["activities"]![1]!["displayName"] = "<img src=x onerror=alert(1)>";
                if (kind == "cyclic")
                {
                    document["root"]!["connections"]!.AsArray().RemoveAt(1);
                    document["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""{ "id": "again", "type": "SetVariable", "inputs": { "Variable": { "type": "Literal", "value": "n" }, "Value": { "type": "JavaScript", "value": "1" } } }"""));
                    document["variables"] = JsonNode.Parse("""[{ "name": "n" }]""");
                    document["root"]!["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "again", "port": "In" } }"""));
                    document["root"]!["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "again", "port": "Done" }, "target": { "activity": "wait", "port": "In" } }"""));
                }

                if (kind == "existing-id") document["name"] = "Replaced by an import";
                body = document.ToJsonString();
                break;
        }

        var response = await admin.PostAsync("/api/definitions/import", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        if (code.Length > 0)
        {
            Assert.Contains(problem["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == code);
        }

        Assert.DoesNotContain("<script>", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await admin.GetStringAsync($"/api/definitions/{existingId}/versions"));
        Assert.Equal(listBefore, await admin.GetStringAsync("/api/definitions"));
        if (kind != "existing-id")
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task An_exported_workflow_imports_as_a_new_draft_under_a_new_id()
    {
        using var admin = await _host.SignInAsync("admin");
        await admin.PostAsync("/api/definitions", Json(Sample("export-me")));
        var exported = (await admin.GetFromJsonAsync<JsonObject>("/api/definitions/export-me"))!;
        exported["definitionId"] = "export-me-copy";

        var response = await admin.PostAsync("/api/definitions/import", Json(exported));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/definitions/export-me-copy", response.Headers.Location?.OriginalString);
        var info = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("Draft", 1), (info["state"]!.GetValue<string>(), info["version"]!.GetValue<int>()));
        using var auditor = await _host.SignInAsync("auditor");
        var trail = await auditor.GetFromJsonAsync<JsonArray>("/api/audit/definition/export-me-copy");
        Assert.Equal("definition.imported", trail![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changes_since_the_published_version_list_the_new_threshold_and_the_draft_can_be_deleted()
    {
        using var admin = await _host.SignInAsync("admin");
        await admin.PostAsync("/api/definitions", Json(Sample("changes")));
        await admin.PostAsync("/api/definitions/changes/publish", null);
        var changed = Sample("changes");
        changed["root"]!["activities"]![1]!["inputs"]!["Signal"] = JsonNode.Parse("""{ "type": "JavaScript", "value": "'scanned-' + input.kind" }""");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions", Json(changed))).StatusCode);

        var changes = (await admin.GetFromJsonAsync<JsonObject>("/api/definitions/changes/changes"))!;

        Assert.Equal((1, 2), (changes["sinceVersion"]!.GetValue<int>(), changes["latestVersion"]!.GetValue<int>()));
        var change = Assert.Single(changes["changes"]!.AsArray())!;
        Assert.Equal(("InputChanged", "wait", "Signal"), (change["kind"]!.GetValue<string>(), change["activityId"]!.GetValue<string>(), change["name"]!.GetValue<string>()));
        Assert.Equal(("\"scanned\"", "JavaScript: 'scanned-' + input.kind"), (change["before"]!.GetValue<string>(), change["after"]!.GetValue<string>()));

        var deleted = await admin.DeleteAsync("/api/definitions/changes/draft");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Published", (await deleted.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync("/api/definitions/changes/draft")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>("/api/definitions/changes/changes"))!["changes"]!.AsArray());
    }

    [Fact]
    public async Task A_save_against_a_stale_revision_gets_a_conflict_problem()
    {
        using var admin = await _host.SignInAsync("admin");
        var first = (await (await admin.PostAsync("/api/definitions", Json(Sample("two-editors")))).Content.ReadFromJsonAsync<JsonObject>())!;
        var revision = first["revision"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/definitions?expectedRevision={revision}", Json(Sample("two-editors")))).StatusCode);

        var stale = await admin.PostAsync($"/api/definitions?expectedRevision={revision}", Json(Sample("two-editors")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed by someone else", (await stale.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_expression_test_runs_with_the_engines_limits_against_sample_variables()
    {
        using var admin = await _host.SignInAsync("admin");
        var sample = JsonNode.Parse("""{ "input": { "pages": 3 }, "variables": { "face": { "distance": 0.42 } }, "outputs": { "match": { "Result": "Verified" } } }""");

        async Task<JsonObject> EvaluateAsync(string type, string value)
        {
            var response = await admin.PostAsJsonAsync("/api/expressions/evaluate", new JsonObject { ["expression"] = new JsonObject { ["type"] = type, ["value"] = value }, ["sample"] = sample!.DeepClone() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var js = await EvaluateAsync("JavaScript", "variables.face.distance < 0.5 && outputs.match.Result === 'Verified' ? input.pages * 2000 : 0");
        Assert.Equal((true, 6000), (js["succeeded"]!.GetValue<bool>(), js["value"]!.GetValue<int>()));
        var liquid = await EvaluateAsync("Liquid", "{{ input.pages }} trang");
        Assert.Equal("3 trang", liquid["value"]!.GetValue<string>());
        var syntax = await EvaluateAsync("JavaScript", "input.pages +");
        Assert.False(syntax["succeeded"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(syntax["error"]!.GetValue<string>()));
        var endless = await EvaluateAsync("JavaScript", "while (true) {}");
        Assert.False(endless["succeeded"]!.GetValue<bool>());

        var tooBig = await admin.PostAsync("/api/expressions/evaluate", new StringContent("{\"sample\":\"" + new string('x', 300 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var noExpression = await admin.PostAsync("/api/expressions/evaluate", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noExpression.StatusCode);
        Assert.Equal("application/problem+json", noExpression.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Sample(string id) => JsonNode.Parse($$"""
        {
          "definitionId": "{{id}}",
          "name": "Thử {{id}}",
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

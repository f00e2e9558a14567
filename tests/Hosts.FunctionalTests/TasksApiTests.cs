using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>The clerk's task API and the engine API for administrators, over PostgreSQL.</summary>
public sealed class TasksApiTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    private const string Review = """
        {
          "definitionId": "api-review",
          "name": "Duyệt hồ sơ",
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "review", "type": "UserTask", "inputs": {
                  "Title": { "type": "Liquid", "value": "Duyệt {{ correlationId }}" },
                  "CandidateRole": { "type": "Literal", "value": "clerk" },
                  "Scope": { "type": "Literal", "value": "hn-hoan-kiem" },
                  "Actions": { "type": "Literal", "value": ["Approve", "Reject"] } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "review", "port": "In" } },
              { "source": { "activity": "review", "port": "Approve" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "review", "port": "Reject" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_clerk_works_a_review_task_with_revisions_and_operation_ids()
    {
        var host = fixture.Host;
        using var admin = await host.SignInAsync("admin");
        using var clerk = await host.SignInAsync("clerk");
        using var auditor = await host.SignInAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions", new StringContent(Review, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions/api-review/publish", null)).StatusCode);
        var started = await (await admin.PostAsJsonAsync("/api/instances", new { definitionId = "api-review", correlationId = "HS-77" })).Content.ReadFromJsonAsync<JsonObject>();
        var instanceId = started!["instanceId"]!.ToString();

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/tasks")).StatusCode);
        // A clerk of another ward does not see Hoàn Kiếm's task.
        using var otherWard = await host.SignInAsync("clerk-bd");
        Assert.DoesNotContain((await otherWard.GetFromJsonAsync<JsonArray>("/api/tasks"))!, t => t!["instanceId"]!.ToString() == instanceId);
        var inbox = await clerk.GetFromJsonAsync<JsonArray>("/api/tasks");
        var task = inbox!.Single(t => t!["instanceId"]!.ToString() == instanceId)!;
        Assert.Equal("Duyệt HS-77", task["title"]!.GetValue<string>());
        var taskId = task["id"]!.ToString();

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { expectedRevision = 1, operationId = "claim-1" })).StatusCode);
        var stale = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { action = "Approve", expectedRevision = 1, operationId = "done-1" });
        await AssertProblemAsync(stale, HttpStatusCode.Conflict, "Xung đột trạng thái");

        var done = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { action = "Approve", formData = new { note = "ok" }, expectedRevision = 2, operationId = "done-2" });
        Assert.Equal("Completed", (await done.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Equal("Finished", (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["status"]!.GetValue<string>());

        var finished = await admin.GetFromJsonAsync<JsonArray>("/api/instances?status=Finished&definitionId=api-review");
        Assert.Single(finished!, i => i!["id"]!.ToString() == instanceId);
        await AssertProblemAsync(await admin.PostAsync($"/api/instances/{instanceId}/retry", null), HttpStatusCode.Conflict, "Xung đột trạng thái");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task Administrators_keep_the_public_holidays_and_others_may_read_them()
    {
        var host = fixture.Host;
        using var admin = await host.SignInAsync("admin");
        using var clerk = await host.SignInAsync("clerk");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/holidays/2026-09-02", new { name = "Quốc khánh" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/api/calendar/holidays/2026-09-03", new { name = "Nghỉ" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/calendar/holidays/2026-09-04", new { name = "<b>x</b>" })).StatusCode);

        var holidays = await clerk.GetFromJsonAsync<JsonArray>("/api/calendar/holidays?year=2026");
        Assert.Equal("2026-09-02:Quốc khánh", string.Join(",", holidays!.Select(h => $"{h!["date"]}:{h["name"]}")));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/holidays/2026-09-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/calendar/holidays/2026-09-02")).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(title, problem["title"]!.GetValue<string>());
    }
}

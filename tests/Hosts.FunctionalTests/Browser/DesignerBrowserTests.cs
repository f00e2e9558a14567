using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The administrators' designer in the browser: a workflow built from scratch on the canvas (three activities, ports
/// connected by dragging, an input as a JavaScript expression), published, bound to a document type and run; the CCCD
/// workflow's face-match threshold changed and the next dossier taking the new path; a hostile import refused on screen.
/// axe (WCAG 2.x A/AA) on each screen, screenshots as docs/screenshots/designer-*.jpg with SMARTKIOSK_SCREENSHOTS.
/// </summary>
public sealed class DesignerBrowserTests(DesignerBrowserFixture fixture) : IClassFixture<DesignerBrowserFixture>
{
    private const string Screens = "smartkiosk-designer-screens";

    /// <summary>The designer's three columns need a wide window (an administrator's desk screen).</summary>
    private const int Width = 1600, Height = 1000;

    [Fact]
    public async Task An_administrator_builds_a_workflow_on_the_canvas_publishes_binds_and_runs_it()
    {
        var page = await fixture.SignInAsync("admin", "/flows", "table[data-testid=flows]", width: Width, height: Height);
        await page.GetByTestId("new-flow").ClickAsync();
        await Field(page, "new-flow-id", "input").FillAsync("demo-fee");
        await Field(page, "new-flow-name", "input").FillAsync("Lệ phí thử nghiệm");
        await page.GetByTestId("new-flow-confirm").ClickAsync();
        await page.WaitForURLAsync("**/flows/demo-fee");
        await page.Locator("[data-activity=start]").WaitForAsync();

        await page.Locator("[data-testid=new-variable] input, input[data-testid=new-variable]").First.FillAsync("fee");
        await page.GetByTestId("add-variable").ClickAsync();
        foreach (var (type, id) in new[] { ("SetVariable", "setVariable1"), ("Log", "log1"), ("End", "end1") })
        {
            await page.Locator($"button.tool[data-type={type}]").DblClickAsync();
            await page.Locator($"[data-activity={id}]").WaitForAsync();
        }

        await DragAsync(page, "start/out/Done", "setVariable1/in");
        await DragAsync(page, "setVariable1/out/Done", "log1/in");
        await DragAsync(page, "log1/out/Done", "end1/in");
        await Expect(page.Locator("[data-port-id='log1/out/Done'].has-links")).ToBeVisibleAsync();

        await page.Locator("[data-activity=setVariable1]").ClickAsync();
        await Field(page, "value-Variable", "input").FillAsync("fee");
        await Field(page, "value-Variable", "input").PressAsync("Tab");
        await page.Locator("[data-testid=code-Value][data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=code-Value] .monaco-editor textarea").FocusAsync();
        await page.Keyboard.InsertTextAsync("input.pages * 2000");

        await page.Locator("[data-activity=log1]").ClickAsync();
        await page.Locator("[data-testid=code-Message][data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=code-Message] .monaco-editor textarea").FocusAsync();
        await page.Keyboard.InsertTextAsync("Lệ phí {{ variables.fee }} đồng");

        await page.Locator("[data-activity=setVariable1]").ClickAsync();
        await page.GetByText("Dữ liệu mẫu để thử biểu thức").ClickAsync();
        await Field(page, "sample", "textarea").FillAsync("""{ "input": { "pages": 3 } }""");
        await Field(page, "sample", "textarea").PressAsync("Tab");
        await page.GetByTestId("test-Value").ClickAsync();
        await Expect(page.GetByTestId("test-result-Value")).ToHaveTextAsync("Kết quả: 6000");
        await page.Locator("[data-activity=log1]").ClickAsync();
        await Expect(page.GetByTestId("designer-problems")).ToBeHiddenAsync();
        await PageAudit.AuditAsync(page, "designer-01-canvas-vi", Screens, fullPage: false);

        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Đã lưu bản nháp (phiên bản 1)");
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByTestId("publish-changes").WaitForAsync();
        await Expect(page.GetByTestId("publish-changes")).ToContainTextAsync("Nối mới: log1 —Done→ end1");
        await page.Locator("[data-testid='publish-bind']").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameString = "Giấy xác nhận (thử nghiệm)" }).ClickAsync();
        await PageAudit.AuditAsync(page, "designer-02-publish-vi", Screens);
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Đã phát hành phiên bản 1 và dùng cho “Giấy xác nhận (thử nghiệm)”");

        // The engine API, called with the signed-in browser's cookie.
        var started = await page.APIRequest.PostAsync("/api/instances", new() { DataObject = new { bindingKey = DesignerBrowserFixture.DemoType, input = new { pages = 3 } } });
        Assert.True(started.Ok, await started.TextAsync());
        var instanceId = (await started.JsonAsync())!.Value.GetProperty("instanceId").GetString();
        var journal = JsonNode.Parse(await (await page.APIRequest.GetAsync($"/api/instances/{instanceId}/journal")).TextAsync())!.AsArray();
        Assert.Equal(["start", "setVariable1", "log1", "end1"], journal.Select(e => e!["activityId"]!.GetValue<string>()).Distinct());
        var view = JsonNode.Parse(await (await page.APIRequest.GetAsync($"/api/instances/{instanceId}")).TextAsync())!;
        Assert.Equal(("Finished", 6000), (view["status"]!.GetValue<string>(), view["variables"]!["fee"]!.GetValue<int>()));

        // The instance viewer draws the path the run took on the version's graph.
        await page.GotoAsync("/instances");
        await page.Locator($"tr[data-instance='{instanceId}'] a").ClickAsync();
        await page.Locator("[data-activity=end1]").WaitForAsync();
        foreach (var activity in new[] { "start", "setVariable1", "log1", "end1" })
        {
            await Expect(page.Locator($"[data-activity={activity}]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("run-executed"));
        }

        await Expect(page.Locator("tr[data-variable=fee] td")).ToHaveTextAsync("6000");
        await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Đã xong");
        Assert.Equal(4, await page.Locator("table[data-testid=journal] tbody tr").CountAsync());
        await PageAudit.AuditAsync(page, "designer-03-instance-vi", Screens);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Raising_the_CCCD_face_match_threshold_in_the_designer_sends_the_next_dossier_to_the_doubtful_path()
    {
        var before = await fixture.SubmitAwaitingOfficerAsync(seed: 2100);
        Assert.Equal("Match", await OutcomeOfAsync(before.DossierId, "match"));

        var page = await fixture.SignInAsync("admin", "/flows/certified-copy-cccd", "[data-activity=match]", width: Width, height: Height);
        await page.GetByTestId("fit").ClickAsync();
        await page.Locator("[data-activity=match]").ClickAsync();
        await Field(page, "value-AcceptBelow", "input").FillAsync("0.01");
        await Field(page, "value-AcceptBelow", "input").PressAsync("Tab");
        await Field(page, "value-ReviewBelow", "input").FillAsync("1,9");
        await Field(page, "value-ReviewBelow", "input").PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Đã lưu bản nháp");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("publish-changes")).ToContainTextAsync("match · AcceptBelow: 0.5 → 0.01");
        await Expect(page.GetByTestId("publish-changes")).ToContainTextAsync("match · ReviewBelow: 0.55 → 1.9");
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Đã phát hành phiên bản 2");

        await page.Context.CloseAsync();
        var after = await fixture.SubmitAwaitingOfficerAsync(seed: 2101);

        Assert.Equal("Inconclusive", await OutcomeOfAsync(after.DossierId, "match"));
        Assert.Equal("Done", await OutcomeOfAsync(after.DossierId, "faceDoubt"));
    }

    [Fact]
    public async Task A_hostile_import_is_refused_on_screen_with_its_reasons_shown_as_text_and_nothing_changes()
    {
        var page = await fixture.SignInAsync("admin", "/flows", "table[data-testid=flows]", width: Width, height: Height);
        // The table is drawn before its rows arrive: compare against the list, not an empty body.
        await Expect(page.Locator("table[data-testid=flows] tbody tr").First).ToBeVisibleAsync();
        var before = await page.Locator("table[data-testid=flows] tbody").InnerTextAsync();
        var hostile = """
            { "definitionId": "hostile", "name": "<script>window.pwned = 1</script>",
              "root": { "type": "Flowchart", "activities": [ { "id": "start", "type": "Start" }, { "id": "x", "type": "Shell.Execute", "displayName": "<img src=x onerror=window.pwned=2>" } ],
                        "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "x", "port": "In" } } ] } }
            """;

        await BlazorFileInput.SetAsync(page.Locator("[data-testid=import-flow] input[type=file], input[type=file]").First, new FilePayload
        {
            Name = "<b>hostile</b>.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(hostile),
        });

        var problems = page.GetByTestId("import-problems");
        await Expect(problems).ToContainTextAsync("không có quy trình nào bị thay đổi");
        await Expect(problems).ToContainTextAsync("“<b>hostile</b>.json”");
        await Expect(problems).ToContainTextAsync("The display name of activity 'x' contains markup");
        Assert.Equal(0, await problems.Locator("script, img, b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(before, await page.Locator("table[data-testid=flows] tbody").InnerTextAsync());
        await PageAudit.AuditAsync(page, "designer-04-import-refused-vi", Screens);
        await page.Context.CloseAsync();
    }

    /// <summary>The outcome an activity of the dossier's workflow instance took, read from the engine's journal.</summary>
    private async Task<string?> OutcomeOfAsync(Guid dossierId, string activityId)
    {
        var dossier = await fixture.Host.Services.GetRequiredService<DossierStore>().GetAsync(dossierId, CancellationToken.None);
        var journal = await fixture.Host.Services.GetRequiredService<IWorkflowInstanceQueries>().GetJournalAsync(dossier!.InstanceId!.Value, CancellationToken.None);
        return journal.LastOrDefault(e => e.ActivityId == activityId && e.Status == "Completed")?.Outcomes;
    }

    /// <summary>Draws a connection as a person does: press on the outcome port, move onto the target's input port, release.</summary>
    private static async Task DragAsync(IPage page, string fromPort, string toPort)
    {
        await page.Locator($"[data-port-id='{fromPort}']").HoverAsync();
        await page.Mouse.DownAsync();
        var to = page.Locator($"[data-port-id='{toPort}']");
        var box = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 6 });
        await to.HoverAsync();
        await page.Mouse.UpAsync();
        await Expect(page.Locator($"[data-port-id='{fromPort}'].has-links")).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>MudBlazor puts a field's attributes on the input itself: the element, whichever way it is rendered.</summary>
    private static ILocator Field(IPage page, string testId, string element) =>
        page.Locator($"{element}[data-testid='{testId}'], [data-testid='{testId}'] {element}").First;
}

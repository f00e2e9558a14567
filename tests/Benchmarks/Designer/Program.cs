// Designer responsiveness benchmark: with a 60-node workflow open on the canvas, how long from a gesture to the
// canvas showing its result, measured inside the page (performance.now() and a MutationObserver), so the figure
// is what the administrator sees: the gesture's round trip to the server (Blazor Server) and the re-render.
//   - add: a double-click on a toolbox activity until the new node is in the diagram;
//   - move: a pointer move on a grabbed node until the node is drawn at its new place;
//   - drop: releasing a moved node until the move is recorded (undo becomes possible).
// The back office runs as a Release process on the embedded default (SQLite). Not an asserted timed test: the
// numbers go to docs/benchmarks.md. Usage:
//   dotnet tests/Benchmarks/Designer/bin/Release/net10.0/SmartKiosk.Benchmarks.Designer.dll [--smoke] [--rounds N]
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.TestSupport;

var smoke = args.Contains("--smoke");
var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 && roundsAt + 1 < args.Length ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : smoke ? 3 : 12;
const int Nodes = 60;
var InView = InViewIds();
var ct = CancellationToken.None;
var data = Directory.CreateTempSubdirectory("smartkiosk-designer-bench-").FullName;
try
{
    // Nothing here reaches the gateway: its address only fills the back office's public links.
    await using var backOffice = await HostProcess.StartBackOfficeAsync(data, new Uri("http://127.0.0.1:9"), new Dictionary<string, string>(), ct);
    Console.Error.WriteLine($"designer bench: back office at {backOffice.Address}");
    var password = BackOfficeClient.PasswordOf(data, "admin") ?? throw new InvalidOperationException("No first-run credentials.");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = backOffice.Address.ToString(), ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "vi-VN" });
    context.SetDefaultTimeout(60_000);
    var page = await context.NewPageAsync();
    await page.GotoAsync("/Account/Login?ReturnUrl=%2Fflows");
    await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
    await page.GetByLabel("Mật khẩu").FillAsync(password);
    await page.Locator("button[type=submit]").ClickAsync();
    await page.WaitForURLAsync("**/flows");

    var saved = await page.APIRequest.PostAsync("/api/definitions", new() { DataObject = SixtyNodes() });
    if (!saved.Ok)
    {
        throw new InvalidOperationException("The 60-node workflow was refused: " + await saved.TextAsync());
    }

    Console.Error.WriteLine("designer bench: 60-node workflow saved, opening the designer");
    await page.GotoAsync("/flows/bench-60");
    await page.Locator($"[data-activity=log{Nodes - 2}]").WaitForAsync();
    await page.EvaluateAsync(Script.Helpers);

    Console.Error.WriteLine("designer bench: measuring");
    var add = new List<double>();
    for (var i = 1; i <= rounds; i++)
    {
        // The waiter is set before the gesture; it resolves, inside the page, when the DOM shows the result.
        await page.EvaluateAsync("id => { window.bench.pending = window.bench.after('dblclick', () => document.querySelector(`[data-activity=${id}]`)); }", $"log{Nodes - 2 + i}");
        await page.Locator("button.tool[data-type=Log]").DblClickAsync();
        add.Add(await page.EvaluateAsync<double>("async () => await window.bench.pending"));
    }

    var move = new List<double>();
    var drop = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        // Nodes in view at the default zoom (the canvas is not scrolled): the benchmark moves what a person could grab.
        var id = InView[i % InView.Length];
        var title = page.Locator($"[data-activity={id}] .flow-node-head");
        var box = (await title.BoundingBoxAsync())!;
        var (x, y) = (box.X + 30, box.Y + 10);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        // Elements are looked up on every check: the library may re-insert a node's element when it comes to the front.
        await page.EvaluateAsync("id => { const left = () => document.querySelector(`[data-activity=${id}]`).closest('.diagram-node').style.left; const before = left(); window.bench.pending = window.bench.after('pointermove', () => left() !== before); }", id);
        await page.Mouse.MoveAsync(x + (i % 2 == 0 ? 40 : -40), y);
        move.Add(await page.EvaluateAsync<double>("async () => await window.bench.pending"));

        await page.EvaluateAsync("() => { const steps = () => document.querySelector('[data-testid=undo]').getAttribute('data-steps'); const before = steps(); window.bench.pending = window.bench.after('pointerup', () => steps() !== before); }");
        await page.Mouse.UpAsync();
        drop.Add(await page.EvaluateAsync<double>("async () => await window.bench.pending"));
    }

    string Row(string what, List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {values.Count} | {At(0.5):0} | {At(0.95):0} | {sorted[^1]:0} |");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Designer responsiveness: a {Nodes}-node workflow, {rounds} gestures of each kind, Chromium {browser.Version}, {Environment.ProcessorCount} cores"));
    Console.WriteLine();
    Console.WriteLine("| Gesture → canvas updated | Samples | Median ms | p95 ms | Max ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine(Row("Add a node (double-click in the toolbox)", add));
    Console.WriteLine(Row("Move a node (pointer move while dragging)", move));
    Console.WriteLine(Row("Drop a moved node (recorded, undoable)", drop));
    return 0;
}
finally
{
    Directory.Delete(data, recursive: true);
}

static string[] InViewIds() => ["log1", "log2", "log10", "log11", "log12", "log20", "log21", "log22"];

static JsonObject SixtyNodes()
{
    var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start", ["metadata"] = At(0) } };
    var connections = new JsonArray();
    var previous = "start";
    for (var i = 1; i <= Nodes - 2; i++)
    {
        var id = $"log{i}";
        activities.Add(new JsonObject
        {
            ["id"] = id,
            ["type"] = "Log",
            ["inputs"] = new JsonObject { ["Message"] = new JsonObject { ["type"] = "Liquid", ["value"] = $"Bước {i}" } },
            ["metadata"] = At(i),
        });
        connections.Add(Connect(previous, id));
        previous = id;
    }

    activities.Add(new JsonObject { ["id"] = "end", ["type"] = "End", ["metadata"] = At(Nodes - 1) });
    connections.Add(Connect(previous, "end"));
    return new JsonObject { ["definitionId"] = "bench-60", ["name"] = "Sáu mươi bước", ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections } };

    static JsonObject At(int index) => new() { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 40 + ((index % 10) * 280), ["y"] = 40 + ((index / 10) * 140) } } };

    static JsonObject Connect(string source, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}

internal static class Script
{
    /// <summary>
    /// In-page timing: Playwright makes the gesture with real input events; the page notes when the event reached it and
    /// when the DOM showed its effect (observed, not polled, so the figures are not rounded to a poll step).
    /// </summary>
    public const string Helpers = """
        () => {
          const last = {};
          for (const type of ['dblclick', 'pointermove', 'pointerup']) {
            document.addEventListener(type, () => { last[type] = performance.now(); }, { capture: true });
          }
          window.bench = {
            // Milliseconds from the last event of that type (the gesture) until test() holds (the canvas shows it),
            // checked on every mutation and every frame, whichever comes first.
            after(type, test) {
              return new Promise((resolve, reject) => {
                let done = false;
                // A gesture that never shows is a failure to report, not a benchmark that hangs.
                setTimeout(() => { if (!done) { done = true; observer.disconnect(); reject(new Error(`no result of ${type} within 10 s`)); } }, 10000);
                const check = () => {
                  if (done) return;
                  if (last[type] !== undefined && test()) { done = true; observer.disconnect(); resolve(performance.now() - last[type]); return; }
                  requestAnimationFrame(check);
                };
                const observer = new MutationObserver(check);
                observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
                requestAnimationFrame(check);
              });
            },
          };
        }
        """;
}

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
var rounds = roundsAt >= 0 && roundsAt + 1 < args.Length ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : smoke ? 3 : 40;
const int Nodes = 60;
var ct = CancellationToken.None;
var data = Directory.CreateTempSubdirectory("smartkiosk-designer-bench-").FullName;
try
{
    // Nothing here reaches the gateway: its address only fills the back office's public links.
    await using var backOffice = await HostProcess.StartBackOfficeAsync(data, new Uri("http://127.0.0.1:9"), new Dictionary<string, string>(), ct);
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

    await page.GotoAsync("/flows/bench-60");
    await page.Locator($"[data-activity=log{Nodes - 2}]").WaitForAsync();
    await page.EvaluateAsync(Script.Helpers);

    var add = new List<double>();
    for (var i = 1; i <= rounds; i++)
    {
        add.Add(await page.EvaluateAsync<double>("id => window.bench.add('Log', id)", $"log{Nodes - 2 + i}"));
    }

    var move = new List<double>();
    var drop = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>("args => window.bench.move(args.id, args.dx)", new { id = $"log{1 + (i % 10)}", dx = i % 2 == 0 ? 40 : -40 });
        move.Add(result.GetProperty("move").GetDouble());
        drop.Add(result.GetProperty("drop").GetDouble());
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
    /// In-page timing: each gesture is dispatched as the browser would (Blazor listens at the document) and timed until
    /// the DOM shows its effect. The three waits are observed, not polled, so the figures are not rounded to a poll step.
    /// </summary>
    public const string Helpers = """
        () => {
          const until = (test) => new Promise(resolve => {
            if (test()) { resolve(); return; }
            const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
          });
          const pointer = (type, x, y) => new PointerEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerType: 'mouse', isPrimary: true, pointerId: 1 });
          window.bench = {
            async add(type, expectedId) {
              const button = document.querySelector(`button.tool[data-type=${type}]`);
              const t0 = performance.now();
              button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, detail: 2 }));
              await until(() => document.querySelector(`[data-activity=${expectedId}]`));
              return performance.now() - t0;
            },
            async move(id, dx) {
              const node = document.querySelector(`[data-activity=${id}]`).closest('.diagram-node');
              const title = node.querySelector('.flow-node-head');
              const box = title.getBoundingClientRect();
              const x = box.x + 30, y = box.y + 10;
              const before = node.style.left;
              const undo = document.querySelector('[data-testid=undo]');
              title.dispatchEvent(pointer('pointerdown', x, y));
              const canvas = document.querySelector('.diagram-canvas');
              const t0 = performance.now();
              canvas.dispatchEvent(pointer('pointermove', x + dx, y));
              await until(() => node.style.left !== before);
              const moved = performance.now() - t0;
              const stepsBefore = undo.getAttribute('data-steps');
              const t1 = performance.now();
              canvas.dispatchEvent(pointer('pointerup', x + dx, y));
              await until(() => undo.getAttribute('data-steps') !== stepsBefore);
              return { move: moved, drop: performance.now() - t1 };
            },
          };
        }
        """;
}

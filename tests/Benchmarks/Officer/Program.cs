// Officer-effort benchmark: how much of an officer's time and attention a clear dossier takes in the clerk
// workspace. The gateway and the back office run as Release processes over one data folder (SQLite, the
// embedded default); generated citizens go through the kiosk API until their clear dossiers wait for the
// officer; then Debian's Chromium, driven by Playwright, signs in as the demo clerk and
//   - approves dossiers one by one from the inbox: open it, "approve and sign", back on the inbox;
//   - approves a batch: "select the clear ones", "approve and sign the selected", the password, "sign".
// Counted: clicks (and keystrokes) from the inbox to signed copies, and the wall-clock seconds of UI time
// (from the first click until the inbox shows the result, signing included). Not an asserted timed test:
// the numbers go to docs/benchmarks.md. Usage:
//   dotnet tests/Benchmarks/Officer/bin/Release/net10.0/SmartKiosk.Benchmarks.Officer.dll [--smoke] [--single N] [--batch N]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SmartKiosk.Benchmarks.Officer;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.TestSupport;

var settings = OfficerBenchSettings.Parse(args);
var ct = CancellationToken.None;
var data = Directory.CreateTempSubdirectory("smartkiosk-officer-bench-").FullName;
try
{
    // Clear CCCD cases wait for the officer: no auto-approval; still frames cannot blink, so liveness is advisory.
    var types = new Dictionary<string, string> { ["DocumentTypes__Types__cccd__AutoApprove"] = "false", ["DocumentTypes__Types__cccd__LivenessRequired"] = "false" };
    await using var gateway = await HostProcess.StartGatewayAsync(data, types, ct);
    await using var backOffice = await HostProcess.StartBackOfficeAsync(data, gateway.Address, types, ct);
    var credential = KioskCredential.Load(Path.Combine(data, KioskCredential.DemoFileName));
    using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromMinutes(2) };
    var kiosk = new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System));
    var faces = SyntheticCase.DemoFaces(RepositoryPaths.Root);

    async Task<List<Guid>> WaitingAsync(int count, int firstSeed)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            // The three seeds known to make clear cases, again and again: each submission is its own dossier.
            var submitter = new DossierSubmitter(kiosk);
            var submitted = await submitter.SubmitAsync(SyntheticCase.Create("cccd", 1000 + ((firstSeed + i) % 3), faces), ct);
            var status = await submitter.WaitForStatusAsync(submitted.DossierId, "AwaitingOfficer", TimeSpan.FromSeconds(60), ct);
            if (status != "AwaitingOfficer")
            {
                throw new InvalidOperationException($"Dossier {submitted.DossierId} is {status}, not waiting for the officer.");
            }
            ids.Add(submitted.DossierId);
        }
        return ids;
    }

    var password = BackOfficeClient.PasswordOf(data, "clerk") ?? throw new InvalidOperationException("No first-run credentials.");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = backOffice.Address.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "vi-VN" });
    context.SetDefaultTimeout(60_000);
    var page = await context.NewPageAsync();
    await page.GotoAsync("/Account/Login?ReturnUrl=%2Ftasks");
    await page.GetByLabel("Tên đăng nhập").FillAsync("clerk");
    await page.GetByLabel("Mật khẩu").FillAsync(password);
    await page.Locator("button[type=submit]").ClickAsync();
    await page.WaitForURLAsync("**/tasks");

    // One by one: from the inbox, open the dossier and approve it; done when the inbox is back without it.
    var single = await WaitingAsync(settings.Single, 0);
    var singleSeconds = new List<double>();
    foreach (var id in single)
    {
        await page.GotoAsync("/tasks");
        var row = page.Locator($"tr:has(a.receipt) >> nth=0");
        await row.WaitForAsync();
        var started = Stopwatch.GetTimestamp();
        await row.Locator("a.receipt").ClickAsync();                       // click 1
        await page.Locator("[data-testid=approve]").ClickAsync();           // click 2
        await page.WaitForURLAsync("**/tasks");
        await page.Locator(".mud-snackbar").WaitForAsync();
        singleSeconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    // A batch: select the clear ones, approve the selected, type the password, sign.
    var batch = await WaitingAsync(settings.Batch, 1);
    await page.GotoAsync("/tasks");
    await page.Locator("table.inbox tbody tr[data-task]").Nth(settings.Batch - 1).WaitForAsync();
    var batchStarted = Stopwatch.GetTimestamp();
    await page.Locator("[data-testid=select-clear]").ClickAsync();           // click 1
    await page.Locator("[data-testid=batch-approve]").ClickAsync();          // click 2
    await page.Locator("input[data-testid=batch-password], [data-testid=batch-password] input").First.FillAsync(password);
    await page.Locator("[data-testid=batch-sign]").ClickAsync();             // click 3
    await page.Locator(".mud-snackbar").WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
    var batchSeconds = Stopwatch.GetElapsedTime(batchStarted).TotalSeconds;

    var notIssued = new List<string>();
    foreach (var id in single.Concat(batch))
    {
        var status = (await kiosk.GetAsync(id, ct))["status"]!.GetValue<string>();
        if (status != "Issued")
        {
            notIssued.Add($"{id} {status}");
        }
    }

    string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Officer-effort benchmark: {settings.Single} dossiers one by one, {settings.Batch} in a batch, Chromium {browser.Version}, {Environment.ProcessorCount} cores"));
    Console.WriteLine();
    Console.WriteLine("| Mode | Dossiers | Clicks per dossier | Keystrokes | UI seconds per dossier (mean) | UI seconds in all |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    Console.WriteLine($"| One by one (open → approve and sign) | {settings.Single} | 2 | 0 | {S(singleSeconds.Average())} | {S(singleSeconds.Sum())} |");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Batch (select clear → approve selected → password → sign) | {settings.Batch} | {3.0 / settings.Batch:0.00} | {password.Length} (password, once) | {S(batchSeconds / settings.Batch)} | {S(batchSeconds)} |"));
    foreach (var problem in notIssued)
    {
        Console.WriteLine($"not issued: {problem}");
    }
    return notIssued.Count == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(data, recursive: true);
}

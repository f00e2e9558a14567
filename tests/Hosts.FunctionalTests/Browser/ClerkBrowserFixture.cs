using System.Text.Json.Nodes;
using SmartKiosk.TestSupport;
using Microsoft.Playwright;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The clerk workspace in a real browser: the gateway (dossiers come from the kiosk API) and the back
/// office on loopback ports over one database, with Debian's Chromium driven by Playwright.
/// </summary>
public class ClerkBrowserFixture : ClerkWorkspace
{
    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool OnRealPort => true;

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        BrowserExpectations.Apply();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    }

    protected override async Task StoppingAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await base.StoppingAsync();
    }

    /// <summary>A fresh browser profile signed in through the real login form, on the inbox.</summary>
    public Task<IPage> SignInAsync(string userName, string locale = "vi-VN", int width = 1440, int height = 900) =>
        SignInAsync(userName, "/tasks", "table.inbox", locale, width, height);

    /// <summary>Signed in on another back-office page, once its marker element is there.</summary>
    public Task<IPage> SignInAsync(string userName, string path, string readySelector, string locale = "vi-VN", int width = 1440, int height = 900) =>
        BrowserSignIn.SignInAsync(Browser, BackOfficeAddress!, userName, BackOffice.PasswordOf(userName), path, readySelector, locale, width, height);

    /// <summary>Decides a dossier's review task through the review API as the signed-in officer of <paramref name="officer"/>.</summary>
    public static async Task DecideAsync(IPage officer, Guid dossierId, string decision, object extra)
    {
        var inbox = JsonNode.Parse(await (await officer.APIRequest.GetAsync("/api/inbox?take=100")).TextAsync())!;
        var line = inbox["items"]!.AsArray().OfType<JsonObject>().Single(i => i["dossierId"]?.GetValue<string>() == dossierId.ToString());
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject();
        body["expectedRevision"] = line["revision"]!.GetValue<int>();
        body["operationId"] = $"report-{decision}-{dossierId}";
        var response = await officer.APIRequest.PostAsync($"/api/reviews/{line["taskId"]!.GetValue<string>()}/{decision}", new() { Data = body.ToJsonString(), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });
        Assert.True(response.Ok, $"{decision} {dossierId}: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>pdfsig's report on a copy downloaded from its link (the NSS database trusts the development root).</summary>
    public async Task<string> PdfsigAsync(string downloadUrl, Guid dossierId)
    {
        using var http = new HttpClient();
        var path = Path.Combine(Host.DataPath, $"{dossierId}.pdf");
        await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync(downloadUrl));
        return CommandLine.Run("pdfsig", "-nssdir", $"sql:{NssFolder}", path).Output;
    }
}

using Microsoft.Playwright;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The designer in a real browser, with its own database (its tests change the CCCD workflow): the gateway and the back
/// office over one PostgreSQL database, CCCD dossiers from the kiosk API, and one more document type ("demo-flow") for a
/// workflow built from scratch.
/// </summary>
public sealed class DesignerBrowserFixture : ClerkWorkspace
{
    public const string DemoType = "demo-flow";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool OnRealPort => true;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings[$"DocumentTypes:Types:{DemoType}:NameVi"] = "Giấy xác nhận (thử nghiệm)";
        settings[$"DocumentTypes:Types:{DemoType}:NameEn"] = "Confirmation (trial)";
        settings[$"DocumentTypes:Types:{DemoType}:Template"] = "generic";
        settings[$"DocumentTypes:Types:{DemoType}:PaymentRequired"] = "false";
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    }

    protected override async Task StoppingAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await base.StoppingAsync();
    }

    /// <summary>An administrator (or another account) signed in on a back-office page, once its marker element is there.</summary>
    public Task<IPage> SignInAsync(string userName, string path, string readySelector, string locale = "vi-VN", int width = 1600, int height = 1000) =>
        BrowserSignIn.SignInAsync(Browser, BackOfficeAddress!, userName, BackOffice.PasswordOf(userName), path, readySelector, locale, width, height);
}

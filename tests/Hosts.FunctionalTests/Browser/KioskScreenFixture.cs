using SmartKiosk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// Class fixture for the kiosk screen's browser tests: the gateway on a real port over PostgreSQL (with
/// its SMTP server and NSS trust store), and Debian's Chromium with a fake camera that shows a generated
/// ID card and then its holder's face.
/// </summary>
public sealed class KioskScreenFixture : IAsyncLifetime
{
    public KioskGatewayOnLoopback Gateway { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The demo portrait the card carries and the camera films.</summary>
    public byte[] Face { get; private set; } = null!;

    public string Folder { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await ((IAsyncLifetime)Gateway).InitializeAsync();
        Folder = Path.Combine(Gateway.Host.DataPath, "browser");
        Directory.CreateDirectory(Folder);
        Face = KioskGatewayOnLoopback.Faces[3].Jpeg;
        var camera = FakeCameraFile.Write(Folder, FakeCameraFile.Card(seed: 31, Face), Face);
        BrowserExpectations.Apply();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = [.. Chromium.FakeCamera(camera)],
        });
    }

    /// <summary>A fresh browser profile (its own IndexedDB, so its own kiosk key) at the given screen size.</summary>
    public async Task<IPage> NewKioskAsync(int width, int height, bool fakeClock = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Gateway.Address.ToString(),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            Permissions = ["camera"],
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        if (fakeClock)
        {
            await page.Clock.InstallAsync();
        }
        return page;
    }

    /// <summary>Registers a kiosk the way an administrator does and enrols the page with its one-time code through the screen.</summary>
    public async Task<string> EnrolAsync(IPage page, Func<Task>? beforeSubmit = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var registry = Gateway.Host.Services.GetRequiredService<KioskRegistry>();
        var id = "screen-" + Guid.NewGuid().ToString("N")[..8];
        await registry.RegisterAsync(new KioskRegistration(id, "Kiosk sảnh tầng 1", "hn-hoan-kiem", "Hoàn Kiếm", "Sảnh tầng 1"), "admin", CancellationToken.None);
        var code = await registry.IssueEnrolmentCodeAsync(id, TimeSpan.FromMinutes(10), "admin", CancellationToken.None);
        await page.GotoAsync("kiosk/");
        await page.Locator("#enrol-code").FillAsync(code.Code);
        if (beforeSubmit is not null)
        {
            await beforeSubmit();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await page.Locator("main[data-screen='attract']").WaitForAsync();
        return id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        await ((IAsyncLifetime)Gateway).DisposeAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Codes;
using SmartKiosk.Activities.Dossiers.Persistence;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// Plays the citizen at the kiosk screen, one step per method, touching what a citizen touches. Each
/// screen reached is reported to <paramref name="onScreen"/> (the screen tour photographs and audits it).
/// </summary>
public sealed class KioskScreenDriver(IPage page, KioskScreenFixture fixture, Func<string, Task>? onScreen = null)
{
    public IPage Page => page;

    public async Task ReachedAsync(string screen, int timeoutSeconds = 30)
    {
        await page.Locator($"main[data-screen='{screen}']").WaitForAsync(new() { Timeout = timeoutSeconds * 1000 });
        if (onScreen is not null)
        {
            await onScreen(screen);
        }
    }

    public async Task StartAsync(string documentType)
    {
        await page.Locator("main[data-screen='attract'] .button.primary").ClickAsync();
        await ReachedAsync("choose");
        await page.Locator($"button[data-type='{documentType}']").ClickAsync();
    }

    /// <summary>Photographs the card, as soon as the camera's loop brings it back, and hands the page over.</summary>
    public async Task CaptureCardAsync()
    {
        await ReachedAsync("capture");
        await TakeCardPictureAsync();
        await Assertions.Expect(page.Locator(".feedback .accepted")).ToBeVisibleAsync();
        if (onScreen is not null)
        {
            await onScreen("capture-accepted");
        }
        await page.Locator("#capture-done").ClickAsync();
    }

    public async Task ConsentAsync(bool agree)
    {
        await ReachedAsync("consent", timeoutSeconds: 90);
        if (agree)
        {
            await page.Locator("main[data-screen='consent'] .button.primary").ClickAsync();
            return;
        }
        await page.Locator("main[data-screen='consent'] .button.secondary").ClickAsync();
        await page.Locator("dialog[open]").WaitForAsync();
        if (onScreen is not null)
        {
            await onScreen("consent-decline");
        }
        await page.Locator("dialog[open] .button.danger").ClickAsync();
    }

    /// <summary>Films the face from the moment it appears, so the whole capture sees it.</summary>
    public async Task FaceAsync()
    {
        await ReachedAsync("face");
        await page.Locator("#start-face:enabled").WaitForAsync();
        if (onScreen is not null)
        {
            await onScreen("face-live");
        }
        await CameraShowsAsync("card");
        await CameraShowsAsync("face");
        await page.Locator("#start-face:enabled").ClickAsync();
    }

    /// <summary>Presses "take the picture" at the start of the card's part of the camera's loop.</summary>
    public async Task TakeCardPictureAsync()
    {
        await page.Locator("#take-picture:enabled").WaitForAsync();
        await CameraShowsAsync("face");
        await CameraShowsAsync("card");
        await page.Locator("#take-picture:enabled").ClickAsync();
    }

    /// <summary>
    /// Waits until the fake camera shows the card (dark desk in the corner) or the face (light wall): up to four
    /// loops of its video, since a browser starved of CPU plays it slower than real time.
    /// </summary>
    public async Task CameraShowsAsync(string what) =>
        await page.WaitForFunctionAsync(CameraScript, what, new() { PollingInterval = 50, Timeout = (float)((FakeCameraFile.CardSeconds + FakeCameraFile.FaceSeconds) * 4000) });

    private const string CameraScript = """
        (wanted) => {
          const video = document.querySelector('video.camera');
          if (!video || !video.videoWidth) return false;
          const canvas = document.createElement('canvas');
          canvas.width = 32;
          canvas.height = 24;
          const context = canvas.getContext('2d');
          context.drawImage(video, 0, 0, 32, 24);
          const [r, g, b] = context.getImageData(1, 1, 1, 1).data;
          const light = (r + g + b) / 3 > 150;
          return wanted === 'face' ? light : !light;
        }
        """;

    /// <param name="email">Typed on the confirmation screen; with <paramref name="openEmailBox"/> and no address the box is only opened (its keyboard photographed).</param>
    public async Task ReviewAsync(string? email, string? disputedField = null, bool openEmailBox = false)
    {
        await ReachedAsync("review", timeoutSeconds: 90);
        if (disputedField is not null)
        {
            await page.Locator("#details-wrong").ClickAsync();
            await page.Locator($"button.field-row[data-field='{disputedField}']").ClickAsync();
            if (onScreen is not null)
            {
                await onScreen("review-wrong");
            }
            await page.Locator("#send-to-officer").ClickAsync();
        }
        else
        {
            await page.Locator("#details-correct").ClickAsync();
        }
        if (email is not null || openEmailBox)
        {
            await page.Locator("#email-toggle").ClickAsync();
        }
        if (email is not null)
        {
            await page.Locator("#email").FillAsync(email);
        }
        if (onScreen is not null)
        {
            await onScreen("confirm");
        }
        await page.Locator("#confirm").ClickAsync();
    }

    /// <summary>Reads the fee's QR code from the screen and pays it with the sandbox wallet, as the citizen's banking app would.</summary>
    public async Task<string> PayAsync()
    {
        await ReachedAsync("payment", timeoutSeconds: 60);
        var payload = await ReadQrAsync(page.Locator(".payment .qr-frame"));
        Assert.StartsWith("SANDBOX|", payload, StringComparison.Ordinal);
        using var wallet = new HttpClient { BaseAddress = fixture.Gateway.Address };
        using var paid = await wallet.PostAsync(new Uri($"api/sandbox/payments/{payload.Split('|')[1]}?outcome=paid", UriKind.Relative), null);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        return payload;
    }

    /// <summary>On the copy's screen: the citizen who gave no address asks for the copy by e-mail.</summary>
    public async Task EmailCopyAsync(string email)
    {
        await page.Locator("#email-copy").ClickAsync();
        await page.Locator("#copy-email").FillAsync(email);
        await page.Locator("#send-copy-email").ClickAsync();
        await Assertions.Expect(page.Locator(".email-status")).ToBeVisibleAsync();
    }

    /// <summary>The dossier the screen's receipt code names.</summary>
    public async Task<DossierRecord> DossierOnScreenAsync()
    {
        var receipt = (await page.Locator(".receipt-code").First.InnerTextAsync()).Trim();
        Assert.True(ReceiptCode.TryParse(receipt, out var code), receipt);
        var dossier = await fixture.Gateway.Host.Services.GetRequiredService<DossierStore>().FindByReceiptAsync(code.Value, CancellationToken.None);
        return dossier ?? throw new InvalidOperationException($"No dossier has the receipt code {receipt}.");
    }

    /// <summary>zbar reads a QR code from a screenshot of the element, as a phone would from the screen.</summary>
    public async Task<string> ReadQrAsync(ILocator qr)
    {
        ArgumentNullException.ThrowIfNull(qr);
        var image = Path.Combine(fixture.Folder, $"qr-{Guid.NewGuid():N}.png");
        await qr.ScreenshotAsync(new() { Path = image });
        var (_, text, _) = CommandLine.RunSeparately("zbarimg", "--quiet", "--raw", image);
        return text.Trim();
    }
}

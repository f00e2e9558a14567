using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Codes;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The kiosk touch screen in a real browser (Debian's Chromium through Playwright) against the gateway
/// on a real port: the camera is Chromium's fake device playing a generated card and then its holder's
/// face; the QR codes are read back from screenshots by zbar; the copy is judged by poppler's pdfsig.
/// </summary>
public sealed partial class KioskScreenTests(KioskScreenFixture fixture) : IClassFixture<KioskScreenFixture>
{
    [Fact]
    public async Task A_citizen_walks_a_whole_session_on_the_screen_to_a_copy_whose_qr_code_downloads_it()
    {
        var ct = CancellationToken.None;
        var page = await fixture.NewKioskAsync(1080, 1920);
        await fixture.EnrolAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu" }).ClickAsync();
        await page.Locator("button[data-type='cccd']").ClickAsync();

        // The card is in front of the camera for the first seconds of each camera start.
        await Screen(page, "capture");
        await page.Locator("#take-picture:enabled").ClickAsync();
        await Expect(page.Locator(".feedback .accepted")).ToContainTextAsync("Đã nhận trang 1");
        await page.Locator("#capture-done").ClickAsync();

        await Screen(page, "consent", timeoutSeconds: 90);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tôi đồng ý" }).ClickAsync();

        // The face shows once the card's seconds have played on the face camera.
        await Screen(page, "face");
        await page.WaitForFunctionAsync($"() => document.querySelector('video.camera')?.currentTime > {FakeCameraFile.CardSeconds + 0.5}");
        await page.Locator("#start-face:enabled").ClickAsync();

        await Screen(page, "review", timeoutSeconds: 90);
        var idNumber = page.Locator(".field-row[data-field='idNumber'] .field-value");
        await Expect(idNumber).ToHaveTextAsync(IdNumber());
        await page.Locator("#details-correct").ClickAsync();
        await page.Locator("#email-toggle").ClickAsync();
        await page.Locator("#email").FillAsync("cong.dan@example.vn");
        await page.Locator("#confirm").ClickAsync();

        // The fee's QR code, read from the screen, is the order the citizen's wallet pays.
        await Screen(page, "payment", timeoutSeconds: 60);
        var payment = await ReadQrAsync(page.Locator(".payment .qr-frame"));
        Assert.StartsWith("SANDBOX|", payment, StringComparison.Ordinal);
        using (var wallet = new HttpClient { BaseAddress = fixture.Gateway.Address })
        {
            using var paid = await wallet.PostAsync(new Uri($"api/sandbox/payments/{payment.Split('|')[1]}?outcome=paid", UriKind.Relative), null, ct);
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(ct));
        }

        // Still camera frames make no blink: the officer looks, and the screen says so with the receipt code.
        await Screen(page, "officer", timeoutSeconds: 90);
        var receipt = (await page.Locator(".receipt-code").InnerTextAsync()).Trim();
        Assert.True(ReceiptCode.TryParse(receipt, out var code), receipt);
        var dossier = await fixture.Gateway.Host.Services.GetRequiredService<DossierStore>().FindByReceiptAsync(code.Value, ct);
        await fixture.Gateway.ActAsOfficerAsync(dossier!.Id, "Approve");

        await Screen(page, "result", timeoutSeconds: 90);
        var download = await ReadQrAsync(page.Locator("#download-qr"));
        Assert.StartsWith(fixture.Gateway.Address + "d/", download, StringComparison.Ordinal);

        using var phone = new HttpClient();
        var pdf = await phone.GetByteArrayAsync(download, ct);
        var path = Path.Combine(fixture.Folder, $"{dossier.Id}.pdf");
        await File.WriteAllBytesAsync(path, pdf, ct);
        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.Gateway.NssFolder}", path);
        Assert.True(Regex.Count(pdfsig, "Signature Validation: Signature is Valid.") == 2, pdfsig);
        Assert.Equal(2, Regex.Count(pdfsig, "Certificate Validation: Certificate is Trusted."));
        await page.Context.CloseAsync();
    }

    private static async Task Screen(IPage page, string name, int timeoutSeconds = 30) =>
        await page.Locator($"main[data-screen='{name}']").WaitForAsync(new() { Timeout = timeoutSeconds * 1000 });

    /// <summary>zbar reads the QR code from a screenshot of the element, as a phone would from the screen.</summary>
    private async Task<string> ReadQrAsync(ILocator qr)
    {
        var image = Path.Combine(fixture.Folder, $"qr-{Guid.NewGuid():N}.png");
        await qr.ScreenshotAsync(new() { Path = image });
        var (_, text, _) = CommandLine.RunSeparately("zbarimg", "--quiet", "--raw", image);
        return text.Trim();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex IdNumber();
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Activities.Dossiers;

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
        var kiosk = new KioskScreenDriver(await fixture.NewKioskAsync(1080, 1920), fixture);
        var page = kiosk.Page;
        await fixture.EnrolAsync(page);

        await kiosk.StartAsync("cccd");
        await kiosk.CaptureCardAsync();
        await kiosk.ConsentAsync(agree: true);
        await kiosk.FaceAsync();

        await kiosk.ReachedAsync("review", timeoutSeconds: 90);
        await Assertions.Expect(page.Locator(".field-row[data-field='idNumber'] .field-value")).ToHaveTextAsync(IdNumber());
        await kiosk.ReviewAsync(email: null);
        await kiosk.PayAsync();

        // Still camera frames make no blink: the officer looks, and the screen says so with the receipt code.
        await kiosk.ReachedAsync("officer", timeoutSeconds: 90);
        var dossier = await kiosk.DossierOnScreenAsync();
        await fixture.Gateway.ActAsOfficerAsync(dossier.Id, "Approve");

        await kiosk.ReachedAsync("result", timeoutSeconds: 90);
        var download = await kiosk.ReadQrAsync(page.Locator("#download-qr"));
        Assert.StartsWith(fixture.Gateway.Address + "d/", download, StringComparison.Ordinal);

        using var phone = new HttpClient();
        var pdf = await phone.GetByteArrayAsync(download, ct);
        var path = Path.Combine(fixture.Folder, $"{dossier.Id}.pdf");
        await File.WriteAllBytesAsync(path, pdf, ct);
        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.Gateway.NssFolder}", path);
        Assert.True(Regex.Count(pdfsig, "Signature Validation: Signature is Valid.") == 2, pdfsig);
        Assert.Equal(2, Regex.Count(pdfsig, "Certificate Validation: Certificate is Trusted."));

        // No address was given at the confirmation: asked for on the copy's screen, the same PDF arrives by SMTP.
        await kiosk.EmailCopyAsync("cong.dan@example.vn");
        var issued = await fixture.Gateway.Host.Services.GetRequiredService<DossierStore>().GetAsync(dossier.Id, ct);
        var mail = await fixture.Gateway.Mail.WaitForAsync(CopyEmail.MessageId(dossier.Id, issued!.CopyId!.Value), TimeSpan.FromSeconds(60));
        Assert.Equal("cong.dan@example.vn", mail.To.Mailboxes.Single().Address);
        var attached = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        using var decoded = new MemoryStream();
        await attached.Content!.DecodeToAsync(decoded, ct);
        Assert.Equal(pdf, decoded.ToArray());

        // Once only: the screen offers no second address (the API refuses one: CopyEmailAtKioskTests).
        await page.Locator("#finish").WaitForAsync();
        Assert.Equal(0, await page.Locator("#email-copy").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_picture_the_quality_gate_refuses_is_explained_in_plain_words_and_taken_again()
    {
        var kiosk = new KioskScreenDriver(await fixture.NewKioskAsync(1920, 1080), fixture);
        var page = kiosk.Page;
        await fixture.EnrolAsync(page);
        await kiosk.StartAsync("cccd");
        await kiosk.ReachedAsync("capture");

        // A scanner image far too dark to read: the gate refuses it, says why, and keeps nothing.
        var dark = Path.Combine(fixture.Folder, "dark-card.jpg");
        await File.WriteAllBytesAsync(dark, DarkCard());
        await page.Locator("#scanner-page").SetInputFilesAsync(dark);
        var refusal = page.Locator(".feedback .rejected");
        await Assertions.Expect(refusal).ToContainTextAsync("Ảnh chưa đạt");
        await Assertions.Expect(refusal.Locator("li").First).ToContainTextAsync("tối");
        await Assertions.Expect(page.Locator(".pages li")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#capture-done")).ToBeDisabledAsync();

        // The same words in English, on the same screen, without losing anything.
        await page.Locator("#language").ClickAsync();
        await Assertions.Expect(refusal).ToContainTextAsync("not good enough");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Locator("#language").ClickAsync();

        // Taken again with the camera: accepted, and the workflow moves on.
        await kiosk.TakeCardPictureAsync();
        await Assertions.Expect(page.Locator(".feedback .accepted")).ToContainTextAsync("Đã nhận trang 1");
        await Assertions.Expect(page.Locator(".pages li")).ToHaveCountAsync(1);
        await page.Locator("#capture-done").ClickAsync();
        await kiosk.ReachedAsync("consent", timeoutSeconds: 90);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_idle_kiosk_warns_then_wipes_the_session_and_withdraws_the_half_done_dossier()
    {
        var page = await fixture.NewKioskAsync(1080, 1920, fakeClock: true);
        var kiosk = new KioskScreenDriver(page, fixture);
        await fixture.EnrolAsync(page);
        await page.Locator("#language").ClickAsync();
        var started = await page.RunAndWaitForResponseAsync(() => kiosk.StartAsync("cccd"), r => r.Request.Method == "POST" && r.Url.EndsWith("/api/kiosk/dossiers", StringComparison.Ordinal));
        var id = (await started.JsonAsync())!.Value.GetProperty("dossierId").GetGuid();
        await kiosk.ReachedAsync("capture");

        // A citizen waiting for an answer is not idle: the upload's answer is held well past the quiet spell
        // without a warning, and the spell starts afresh when the answer is on the screen.
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/uploads/page*", route => { held.TrySetResult(route); return Task.CompletedTask; });
        await kiosk.TakeCardPictureAsync();
        var upload = await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await page.Clock.FastForwardAsync("01:05"); // past the 60 s spell (the kiosk signs with this clock: 5 minutes ahead is refused)
        await Assertions.Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);
        await upload.ContinueAsync();
        await page.UnrouteAllAsync();
        await Assertions.Expect(page.Locator(".pages li")).ToHaveCountAsync(1);

        // A touch keeps the session alive: just before the limit, then a full spell again.
        await page.Clock.FastForwardAsync("00:55");
        await page.Locator(".steps").ClickAsync();
        await page.Clock.FastForwardAsync("00:55");
        await Assertions.Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);

        // Silence: the warning with its countdown, and "I am still here" keeps everything.
        await page.Clock.FastForwardAsync("00:10");
        var warning = page.Locator("dialog[open]");
        await Assertions.Expect(warning).ToContainTextAsync("Are you still there?");
        await warning.Locator(".button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".pages li")).ToHaveCountAsync(1);

        // Silence again until the countdown ends: the screen is wiped, back in Vietnamese, the dossier withdrawn.
        await page.Clock.FastForwardAsync("01:00");
        await Assertions.Expect(page.Locator("dialog[open]")).ToBeVisibleAsync();
        var withdrawal = await page.RunAndWaitForResponseAsync(
            () => page.Clock.FastForwardAsync("00:21"),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/api/kiosk/dossiers/{id}/withdrawal", StringComparison.Ordinal));
        Assert.True(withdrawal.Ok, await withdrawal.TextAsync());
        await page.Locator("main[data-screen='attract']").WaitForAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(page.Locator("video, .pages, .receipt-code")).ToHaveCountAsync(0);
        // The screen was wiped at once; the withdrawal it sent has been answered.
        var dossier = await fixture.Gateway.Host.Services.GetRequiredService<DossierStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(DossierStatus.Withdrawn, dossier!.Status);
        await page.Context.CloseAsync();
    }

    private static byte[] DarkCard()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1600, 1000);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(12, 12, 14));
            using var paint = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(22, 22, 26) };
            canvas.DrawRoundRect(200, 150, 1200, 700, 40, 40, paint);
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex IdNumber();
}

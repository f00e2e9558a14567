using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// Every screen of the kiosk, reached by real sessions, in Vietnamese and English, on a portrait
/// (1080×1920) and a landscape (1920×1080) screen: photographed (docs/screenshots when
/// SMARTKIOSK_SCREENSHOTS points there: scripts/kiosk-screenshots.sh) and audited (<see cref="ScreenAudit"/>).
/// </summary>
public sealed class KioskScreenTourTests(KioskScreenFixture fixture, ITestOutputHelper output) : IClassFixture<KioskScreenFixture>
{
    [Theory]
    [InlineData("portrait", 1080, 1920)]
    [InlineData("landscape", 1920, 1080)]
    public async Task Every_screen_in_both_languages_passes_the_accessibility_audit(string orientation, int width, int height)
    {
        var audit = new ScreenAudit(ScreenAudit.FolderFor(fixture.Folder), orientation);
        var page = await fixture.NewKioskAsync(width, height);
        var kiosk = new KioskScreenDriver(page, fixture, screen => audit.ScreenAsync(page, screen));

        // Enrolment and the attract screen.
        await fixture.EnrolAsync(page, () => audit.ScreenAsync(page, "enrol"));
        await kiosk.ReachedAsync("attract");

        // "Start over" from inside a session.
        await kiosk.StartAsync("cccd");
        await kiosk.ReachedAsync("capture");
        await audit.DialogAsync(page, "start-over",
            () => page.Locator("#start-over").ClickAsync(),
            () => page.Locator("dialog[open] .button.secondary").ClickAsync());
        await page.Locator("#start-over").ClickAsync();
        await page.Locator("dialog[open] .button.danger").ClickAsync();
        await page.Locator("main[data-screen='attract']").WaitForAsync();

        // A whole session, with a field the citizen says is wrong, to the copy.
        var session = new KioskScreenDriver(page, fixture, screen => screen is "capture" or "choose" ? Task.CompletedTask : audit.ScreenAsync(page, screen));
        await session.StartAsync("cccd");
        await session.CaptureCardAsync();

        // The answer to the consent is held on its way, to see what the citizen sees meanwhile.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/kiosk/dossiers/*/consent", async route => { await release.Task; await route.ContinueAsync(); });
        await session.ConsentAsync(agree: true);
        await page.Locator("main .busy").WaitForAsync();
        await audit.ScreenAsync(page, "busy");
        release.SetResult();
        await page.UnrouteAllAsync();
        await session.FaceAsync();
        await session.ReviewAsync(email: null, disputedField: "fullName", openEmailBox: true);
        await session.PayAsync();
        await session.ReachedAsync("officer", timeoutSeconds: 90);
        var issued = await session.DossierOnScreenAsync();
        await fixture.Gateway.ActAsOfficerAsync(issued.Id, "Approve");
        await session.ReachedAsync("result", timeoutSeconds: 90);
        await audit.DialogAsync(page, "email-copy",
            () => page.Locator("#email-copy").ClickAsync(),
            () => page.Locator("dialog[open] .button.secondary").ClickAsync());
        await session.EmailCopyAsync("cong.dan@example.vn");
        await page.Locator("#finish").ClickAsync();

        // The status lookup of that dossier by its receipt code.
        await page.Locator("main[data-screen='attract'] .button.secondary").First.ClickAsync();
        await kiosk.ReachedAsync("lookup");
        await page.Locator("#receipt-code").FillAsync(issued.ReceiptCode);
        await page.Locator("#lookup-submit").ClickAsync();
        await page.Locator(".lookup-answer .status-facts").WaitForAsync();
        await audit.ScreenAsync(page, "lookup-answer");
        await page.Locator(".lookup-answer .button.secondary").Last.ClickAsync();

        // Consent refused: the dialog, then the refusal in plain words.
        var declined = new KioskScreenDriver(page, fixture, screen => screen is "refused" ? audit.ScreenAsync(page, screen) : Task.CompletedTask);
        await declined.StartAsync("cccd");
        await declined.CaptureCardAsync();
        await declined.ReachedAsync("consent", timeoutSeconds: 90);
        await audit.DialogAsync(page, "consent-decline",
            () => page.Locator("main[data-screen='consent'] .button.secondary").ClickAsync(),
            () => page.Locator("dialog[open] .button.secondary").ClickAsync());
        await declined.ConsentAsync(agree: false);
        await declined.ReachedAsync("refused", timeoutSeconds: 60);
        await page.Locator("#finish").ClickAsync();

        // The officer asks for a rescan: the screen says so and takes the new pages at once.
        var rescanned = new KioskScreenDriver(page, fixture, screen => screen is "rescan-requested" ? audit.ScreenAsync(page, screen) : Task.CompletedTask);
        await rescanned.StartAsync("cccd");
        await rescanned.CaptureCardAsync();
        await rescanned.ConsentAsync(agree: true);
        await rescanned.FaceAsync();
        await rescanned.ReviewAsync(null);
        await rescanned.PayAsync();
        await rescanned.ReachedAsync("officer", timeoutSeconds: 90);
        var sentBack = await rescanned.DossierOnScreenAsync();
        await fixture.Gateway.ActAsOfficerAsync(sentBack.Id, "Rescan");
        await rescanned.ReachedAsync("rescan-requested", timeoutSeconds: 60);
        await page.Locator("#rescan-now").ClickAsync();
        await page.Locator("main[data-screen='capture'] h1").WaitForAsync();
        await audit.ScreenAsync(page, "capture-rescan");

        // The idle warning, on a kiosk whose clock the test moves.
        var idle = await fixture.NewKioskAsync(width, height, fakeClock: true);
        await fixture.EnrolAsync(idle);
        await new KioskScreenDriver(idle, fixture).StartAsync("cccd");
        await idle.Locator("main[data-screen='capture']").WaitForAsync();
        await audit.DialogAsync(idle, "idle-warning",
            () => idle.Clock.FastForwardAsync("01:01"),
            () => idle.Locator("dialog[open] .button.primary").ClickAsync());

        output.WriteLine($"{audit.Screenshots.Count} screenshots in {ScreenAudit.FolderFor(fixture.Folder)}");
        audit.Timings.ForEach(output.WriteLine);
        Assert.True(audit.Findings.Count == 0, string.Join(Environment.NewLine, audit.Findings));
        await page.Context.CloseAsync();
        await idle.Context.CloseAsync();
    }
}

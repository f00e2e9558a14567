using System.Net;
using Microsoft.Playwright;
using SmartKiosk.Samples.KioskSimulator.Client;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The administrators' screens in a real browser against the real gateway: what an administrator does
/// on screen is what a kiosk then meets at the API.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AdministrationBrowserTests(ClerkBrowserFixture fixture) : IClassFixture<ClerkBrowserFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_kiosk_registered_on_screen_works_with_the_key_shown_once_until_rotated_or_disabled()
    {
        var page = await fixture.SignInAsync("admin", "/admin/kiosks", "[data-testid=kiosk-list]");
        await page.GetByTestId("kiosk-register").ClickAsync();
        await page.Locator("input[data-testid=kiosk-id], [data-testid=kiosk-id] input").FillAsync("kiosk-hang-bac");
        await page.Locator("input[data-testid=kiosk-name], [data-testid=kiosk-name] input").FillAsync("<b>Kiosk</b> Hàng Bạc");
        await page.Locator("[data-testid=kiosk-agency]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Ủy ban nhân dân phường Hoàn Kiếm" }).ClickAsync();
        await page.Locator("input[data-testid=kiosk-branch], [data-testid=kiosk-branch] input").FillAsync("Bưu điện Hàng Bạc");
        await page.GetByTestId("kiosk-register-confirm").ClickAsync();

        var first = await ShownCredentialAsync(page);
        await PageAudit.AuditAsync(page, "admin-03-kiosk-key-shown-once-vi", "smartkiosk-admin-screens");
        await page.GetByTestId("secret-done").ClickAsync();
        var row = page.GetByTestId("kiosk-kiosk-hang-bac");
        // The name is text: markup typed into it is shown, never rendered.
        await Assertions.Expect(row.Locator("strong")).ToHaveTextAsync("<b>Kiosk</b> Hàng Bạc");

        var started = await fixture.Kiosk(first).StartAsync("cccd", Ct);
        var dossierId = Guid.Parse(started["dossierId"]!.GetValue<string>());
        await page.ReloadAsync();
        await Assertions.Expect(row.Locator("td").Nth(5)).Not.ToHaveTextAsync("—");

        // Rotating: the old key stops at once, the new one works.
        await row.GetByTestId("kiosk-issue").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cấp khóa mới" }).ClickAsync();
        var second = await ShownCredentialAsync(page);
        await page.GetByTestId("secret-done").ClickAsync();
        Assert.NotEqual(first.Secret, second.Secret);
        var stale = await Assert.ThrowsAsync<KioskApiException>(() => fixture.Kiosk(first).GetAsync(dossierId, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.Status);
        await fixture.Kiosk(second).GetAsync(dossierId, Ct);

        // Disabled: refused; enabled again: back at work with the same key.
        await row.GetByTestId("kiosk-disable").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Tạm ngừng" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("kiosk-status")).ToHaveTextAsync("Tạm ngừng");
        var disabled = await Assert.ThrowsAsync<KioskApiException>(() => fixture.Kiosk(second).GetAsync(dossierId, Ct));
        Assert.Equal((HttpStatusCode.Unauthorized, "device-disabled"), (disabled.Status, disabled.Code));
        await row.GetByTestId("kiosk-enable").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cho hoạt động lại" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("kiosk-status")).ToHaveTextAsync("Đang hoạt động");
        await fixture.Kiosk(second).GetAsync(dossierId, Ct);

        await row.GetByTestId("kiosk-dossiers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kiosk-dossier-list").Locator("tbody tr")).ToHaveCountAsync(1);
        await PageAudit.AuditAsync(page, "admin-02-kiosks-vi", "smartkiosk-admin-screens");

        // The kiosk's chain holds every step, by this administrator.
        var chain = await page.APIRequest.GetAsync("/api/audit/kiosk/kiosk-hang-bac");
        var text = await chain.TextAsync();
        foreach (var action in new[] { "registered", "credential-issued", "disabled", "enabled" })
        {
            Assert.Contains(action, text, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_auditor_sees_the_kiosks_but_cannot_change_them()
    {
        var page = await fixture.SignInAsync("auditor", "/admin/kiosks", "[data-testid=kiosk-list]");
        await Assertions.Expect(page.GetByTestId("kiosk-demo-kiosk-hk")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("kiosk-register").CountAsync());
        Assert.Equal(0, await page.GetByTestId("kiosk-issue").CountAsync());
        var forged = await page.APIRequest.PostAsync("/api/kiosks/demo-kiosk-hk/disable");
        Assert.Equal(403, forged.Status);
        await page.Context.CloseAsync();
    }

    private static async Task<KioskCredential> ShownCredentialAsync(IPage page)
    {
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".secret-value input")).ToHaveCountAsync(3);
        var values = await dialog.Locator(".secret-value input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        return new KioskCredential(values[0], values[1], values[2], null);
    }
}

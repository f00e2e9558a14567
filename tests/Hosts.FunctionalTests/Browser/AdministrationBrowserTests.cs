using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Designer.Host.Identity;
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

    [Fact]
    public async Task An_account_made_on_screen_signs_in_with_the_password_shown_once_as_a_new_officer_until_locked()
    {
        var page = await fixture.SignInAsync("admin", "/admin/users", "[data-testid=account-list]");
        // No administrator can lock their own account from here.
        Assert.Equal(0, await page.GetByTestId("account-admin").GetByTestId("account-lock").CountAsync());
        await page.GetByTestId("account-new").ClickAsync();
        await page.Locator("input[data-testid=account-user-name], [data-testid=account-user-name] input").FillAsync("clerk-hb");
        await page.Locator("input[data-testid=account-full-name], [data-testid=account-full-name] input").FillAsync("Lê Thu Hà");
        await page.Locator("[data-testid=account-agency]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Ủy ban nhân dân phường Hoàn Kiếm" }).ClickAsync();
        await page.GetByTestId("account-confirm").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".secret-value input")).ToHaveCountAsync(2);
        var password = await dialog.Locator(".secret-value input").Nth(1).InputValueAsync();
        await page.GetByTestId("secret-done").ClickAsync();
        var row = page.GetByTestId("account-clerk-hb");
        await Assertions.Expect(row).ToContainTextAsync("Lê Thu Hà");
        await Assertions.Expect(row).ToContainTextAsync("Cán bộ tư pháp");
        await PageAudit.AuditAsync(page, "admin-04-users-vi", "smartkiosk-admin-screens");

        // The new officer works in Hoàn Kiếm's inbox under their own name.
        var ha = await BrowserSignIn.SignInAsync(fixture.Browser, fixture.BackOfficeAddress!, "clerk-hb", password, "/tasks", "table.inbox");
        await Assertions.Expect(ha.GetByTestId("who")).ToHaveTextAsync("Lê Thu Hà · hn-hoan-kiem");
        var me = System.Text.Json.Nodes.JsonNode.Parse(await (await ha.APIRequest.GetAsync("/api/me")).TextAsync())!;
        Assert.StartsWith("officer-", me["officerId"]!.GetValue<string>(), StringComparison.Ordinal);
        await ha.Context.CloseAsync();

        // Locked: the password no longer opens the door.
        await row.GetByTestId("account-lock").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Khóa" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("account-status")).ToHaveTextAsync("Đã khóa");
        await Assert.ThrowsAsync<TimeoutException>(() => BrowserSignIn.SignInAsync(fixture.Browser, fixture.BackOfficeAddress!, "clerk-hb", password, "/tasks", "table.inbox", timeout: 3000));

        var chain = await (await page.APIRequest.GetAsync("/api/audit/user/" + await UserIdAsync("clerk-hb"))).TextAsync();
        Assert.Contains("user.created", chain, StringComparison.Ordinal);
        Assert.Contains("user.locked", chain, StringComparison.Ordinal);
        Assert.DoesNotContain(password, chain, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_last_administrator_and_an_officer_s_single_account_are_kept_by_the_server()
    {
        await using var scope = fixture.BackOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var admin = new BackOfficeActor("admin", "Quản trị viên", [Roles.Admin], null, null);
        var adminId = await UserIdAsync("admin");

        var self = await Assert.ThrowsAsync<AccountException>(() => accounts.LockAsync(adminId, admin, Ct));
        var demoteSelf = await Assert.ThrowsAsync<AccountException>(() => accounts.ChangeAsync(adminId, new AccountChange(Roles.Auditor, null, null), admin, Ct));
        Assert.Equal(("self", "self"), (self.Code, demoteSelf.Code));

        // Lan's officer signs through "clerk" already: a second account cannot take it.
        var taken = await Assert.ThrowsAsync<AccountException>(() => accounts.CreateAsync(
            new NewAccount("lan-2", "Nguyễn Thị Lan", null, Roles.Clerk, "hn-hoan-kiem", "hk-officer-1", null), admin, Ct));
        Assert.Equal("officer-taken", taken.Code);

        // A Ba Đình administrator neither sees nor touches Hoàn Kiếm's accounts.
        var baDinhAdmin = new BackOfficeActor("admin-bd", "Quản trị Ba Đình", [Roles.Admin], "hn-ba-dinh", null);
        var visible = await accounts.ListAsync(baDinhAdmin, Ct);
        Assert.Equal(["clerk-bd"], visible.Select(a => a.UserName));
        var lanId = await UserIdAsync("clerk");
        var foreign = await Assert.ThrowsAsync<AccountException>(() => accounts.ResetPasswordAsync(lanId, baDinhAdmin, Ct));
        Assert.Equal("not-found", foreign.Code);

        // A second administrator may demote the first only while another one can still sign in.
        var other = await accounts.CreateAsync(new NewAccount("admin-2", "Quản trị 2", null, Roles.Admin, null, null, null), admin, Ct);
        var actor2 = new BackOfficeActor("admin-2", "Quản trị 2", [Roles.Admin], null, null);
        await accounts.LockAsync(other.Account.Id, admin, Ct);
        var last = await Assert.ThrowsAsync<AccountException>(() => accounts.ChangeAsync(adminId, new AccountChange(Roles.Auditor, null, null), actor2, Ct));
        Assert.Equal("last-admin", last.Code);
    }

    [Fact]
    public async Task An_uploaded_certificate_signs_the_officer_s_next_copy_and_pdfsig_trusts_it()
    {
        var now = DateTimeOffset.UtcNow;
        var file = Path.Combine(fixture.Host.DataPath, "lan-uploaded.p12");
        await File.WriteAllBytesAsync(file, TestCertificates.Pkcs12("Nguyễn Thị Lan (chứng thư tải lên)", PkiFolder(), now.AddDays(-1), now.AddDays(20)), Ct);
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 4100);

        var page = await fixture.SignInAsync("admin", "/admin/certificates", "[data-testid=certificate-list]");
        var row = page.GetByTestId("officer-hk-officer-1");
        await Assertions.Expect(row.GetByTestId("certificate-source")).ToHaveTextAsync("Thử nghiệm");
        await row.GetByTestId("certificate-upload").ClickAsync();
        await BlazorFileInput.SetAsync(page.Locator("[data-testid=certificate-file] input[type=file], input[type=file][data-testid=certificate-file]"), file);
        await page.Locator("input[data-testid=certificate-password], [data-testid=certificate-password] input").FillAsync(TestCertificates.Password);
        await page.GetByTestId("certificate-confirm").ClickAsync();
        await Assertions.Expect(row.GetByTestId("certificate-source")).ToHaveTextAsync("Đã tải lên");
        await Assertions.Expect(row).ToContainTextAsync("Nguyễn Thị Lan (chứng thư tải lên)");
        // Twenty days left: flagged for renewal.
        await Assertions.Expect(row).ToContainTextAsync("Hết hạn sau 20 ngày");
        await PageAudit.AuditAsync(page, "admin-05-certificates-vi", "smartkiosk-admin-screens");

        // Lan's next approval is signed with the uploaded key, which pdfsig (not our code) validates and trusts.
        var lan = await fixture.SignInAsync("clerk");
        await ClerkBrowserFixture.DecideAsync(lan, submitted.DossierId, "approve", new { });
        var status = await new SmartKiosk.Samples.KioskSimulator.Submission.DossierSubmitter(fixture.Kiosk()).WaitForStatusAsync(submitted.DossierId, "Issued", TimeSpan.FromSeconds(60), Ct);
        Assert.Equal("Issued", status);
        var view = await fixture.Kiosk().GetAsync(submitted.DossierId, Ct);
        var pdfsig = await fixture.PdfsigAsync(view["copy"]!["downloadUrl"]!.GetValue<string>(), submitted.DossierId);
        Assert.Contains("Signer Certificate Common Name: Nguyễn Thị Lan (chứng thư tải lên)", pdfsig, StringComparison.Ordinal);
        Assert.True(pdfsig.Split("Signature Validation: Signature is Valid.").Length - 1 == 2, pdfsig);
        Assert.True(pdfsig.Split("Certificate Validation: Certificate is Trusted.").Length - 1 == 2, pdfsig);
        await lan.Context.CloseAsync();

        // Back to the default: the development certificate again.
        await row.GetByTestId("certificate-remove").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Bỏ chứng thư đã tải lên" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("certificate-source")).ToHaveTextAsync("Thử nghiệm");
        var chain = await (await page.APIRequest.GetAsync("/api/audit/officer/hk-officer-1")).TextAsync();
        Assert.Contains("certificate.uploaded", chain, StringComparison.Ordinal);
        Assert.Contains("certificate.removed", chain, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_certificate_that_cannot_sign_for_the_officer_is_refused_and_nothing_is_stored()
    {
        var certificates = fixture.BackOffice.Services.GetRequiredService<OfficerCertificates>();
        var officer = SmartKiosk.Activities.Issuance.Agencies.SeedAgencies.BaDinhOfficer;
        var now = DateTimeOffset.UtcNow;
        var data = PkiFolder();
        var cases = new (string Code, byte[] File, string? Password)[]
        {
            ("untrusted", TestCertificates.Pkcs12("Trần Văn Đức", null, now.AddDays(-1), now.AddYears(1)), TestCertificates.Password),
            ("not-valid-now", TestCertificates.Pkcs12("Trần Văn Đức", data, now.AddDays(1), now.AddYears(1)), TestCertificates.Password),
            ("no-private-key", TestCertificates.Pkcs12("Trần Văn Đức", data, now.AddDays(-1), now.AddYears(1), withKey: false), TestCertificates.Password),
            ("unreadable", TestCertificates.Pkcs12("Trần Văn Đức", data, now.AddDays(-1), now.AddYears(1)), "wrong password"),
            ("unreadable", "<script>alert(1)</script>"u8.ToArray(), null),
            ("too-large", new byte[OfficerCertificates.MaxPkcs12Bytes + 1], null),
        };
        var before = await certificates.DescribeAsync(officer, Ct);
        foreach (var (code, file, password) in cases)
        {
            var refused = await Assert.ThrowsAsync<OfficerCertificateException>(() => certificates.UploadAsync(officer, file, password, "admin", Ct));
            Assert.Equal(code, refused.Code);
        }

        Assert.Equal(before, await certificates.DescribeAsync(officer, Ct));
    }

    [Fact]
    public async Task A_template_edited_on_screen_is_tried_on_a_sample_scan_then_saved_and_used_by_the_gateway()
    {
        var sample = new SmartKiosk.Samples.SyntheticDocuments.DocumentGenerator(77).Generate(
            SmartKiosk.Samples.SyntheticDocuments.DocumentKind.BirthCertificate, SmartKiosk.Samples.SyntheticDocuments.CaptureKind.Scan);
        var file = Path.Combine(fixture.Host.DataPath, "sample-birth-certificate" + sample.FileExtension);
        await File.WriteAllBytesAsync(file, sample.Image, Ct);

        var page = await fixture.SignInAsync("admin", "/admin/templates/birth-certificate", "[data-testid=template-json][data-ready=true]");
        await BlazorFileInput.SetAsync(page.Locator("input[type=file][data-testid=template-sample]").Last, file);
        var fields = page.Locator("[data-testid=trial-fields] tbody tr");
        await Assertions.Expect(page.Locator("[data-testid=trial-fields] tr[data-field=fullName] td").Nth(1)).ToHaveTextAsync(sample.Fields["fullName"], new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=trial-fields] tr[data-field=sex]")).ToHaveCountAsync(1);

        // Markup in a name is refused with the reason; nothing is saved.
        await SetTemplateAsync(page, "t => { t.name.vi = '<img src=x onerror=alert(1)>'; return t; }");
        await page.GetByTestId("template-check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-problems")).ToContainTextAsync("without markup");

        // Without the "sex" field the trial no longer reads it; saved, it is version 1 on every host.
        await SetTemplateAsync(page, "t => { t.name.vi = 'Giấy khai sinh'; t.fields = t.fields.filter(f => f.key !== 'sex'); return t; }");
        await BlazorFileInput.SetAsync(page.Locator("input[type=file][data-testid=template-sample]").Last, file);
        await Assertions.Expect(page.GetByTestId("trial-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=trial-fields] tr[data-field=fullName]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=trial-fields] tr[data-field=sex]")).ToHaveCountAsync(0);
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-history")).ToContainTextAsync("admin");
        await PageAudit.AuditAsync(page, "admin-06-template-vi", "smartkiosk-admin-screens");

        var gatewayTemplates = fixture.Host.Services.GetRequiredService<SmartKiosk.Activities.Recognition.Templates.ITemplateStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await gatewayTemplates.GetAllAsync(Ct)).Single(t => t.Id == "birth-certificate").Fields.Any(f => f.Key == "sex"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The gateway did not pick up the saved template.");
            await Task.Delay(200, Ct);
        }

        var chain = await (await page.APIRequest.GetAsync("/api/audit/template/birth-certificate")).TextAsync();
        Assert.Contains("template.saved", chain, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Rewrites the template in the code editor as an administrator would, then leaves the editor so the screen has it.</summary>
    private static async Task SetTemplateAsync(IPage page, string change)
    {
        await page.EvaluateAsync($"() => {{ const model = monaco.editor.getModels()[0]; const change = {change}; model.setValue(JSON.stringify(change(JSON.parse(model.getValue())), null, 2)); }}");
        await page.Locator("[data-testid=template-json] .monaco-editor textarea").FocusAsync();
        await page.GetByTestId("template-check").FocusAsync();
    }

    /// <summary>Where the hosts keep the development PKI (the tests may point it at a shared folder).</summary>
    private string PkiFolder() =>
        fixture.BackOffice.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SigningOptions>>().Value.DevelopmentKeyFolder is { Length: > 0 } configured
            ? configured
            : Path.Combine(fixture.BackOffice.DataPath, "keys", "dev");

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = fixture.BackOffice.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }

    private static async Task<KioskCredential> ShownCredentialAsync(IPage page)
    {
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".secret-value input")).ToHaveCountAsync(3);
        var values = await dialog.Locator(".secret-value input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        return new KioskCredential(values[0], values[1], values[2], null);
    }
}

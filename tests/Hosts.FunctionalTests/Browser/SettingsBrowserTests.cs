using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The shared settings edited on screen in the back office and used by the other host: the gateway
/// quotes the new fee table, kiosks are offered the new document type, the next copy carries the new
/// statement — each checked where a citizen or a verifier meets it, not in the settings store.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SettingsBrowserTests(ClerkBrowserFixture fixture) : IClassFixture<ClerkBrowserFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_fee_table_and_a_statement_saved_on_screen_are_on_the_next_copy_the_gateway_issues()
    {
        var page = await fixture.SignInAsync("admin", "/admin/fees", "[data-testid=fee-preview]");
        await Field(page, "fee-first-page-fee").FillAsync("3000");
        await Field(page, "fee-later-page-fee").FillAsync("1500");
        // The preview follows the table being edited: 2 × 3.000 + 1 × 1.500 for three pages.
        await Assertions.Expect(page.Locator("[data-testid=fee-preview] tr[data-pages='3'] td").Nth(1)).ToHaveTextAsync("7.500 đồng");
        await page.GetByTestId("fees-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-version")).ToContainTextAsync("phiên bản 1");
        await PageAudit.AuditAsync(page, "admin-08-fees-vi", "smartkiosk-admin-screens");

        await page.GotoAsync("/admin/statement");
        var text = page.Locator("textarea[data-testid=statement-text], [data-testid=statement-text] textarea").First;
        await Assertions.Expect(page.GetByTestId("statement-preview")).ToContainTextAsync("LỜI CHỨNG");
        var original = await text.InputValueAsync();
        // A template that does not parse is explained and cannot be saved.
        await text.FillAsync(original + "\nSố {{ number ");
        await Assertions.Expect(page.GetByTestId("settings-problems")).ToContainTextAsync("cú pháp Liquid");
        await Assertions.Expect(page.GetByTestId("statement-save")).ToBeDisabledAsync();
        await text.FillAsync(original + "\nGhi chú thử nghiệm / Trial note: {{ agency_name }}");
        await Assertions.Expect(page.GetByTestId("statement-preview")).ToContainTextAsync("Ghi chú thử nghiệm / Trial note: Ủy ban nhân dân phường Hoàng Văn Thụ, quận Hoàng Mai");
        await page.GetByTestId("statement-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-version")).ToContainTextAsync("phiên bản 1");
        await PageAudit.AuditAsync(page, "admin-09-statement-vi", "smartkiosk-admin-screens");

        // The gateway applies both (its own refresh, not the back office's) before the next dossier.
        await AppliedAsync(fixture.Host.Services.GetRequiredService<IOptionsMonitor<FeeOptions>>(), f => f.FirstPageFee == 3_000);
        await AppliedAsync(fixture.Host.Services.GetRequiredService<IOptionsMonitor<IssuanceOptions>>(), o => o.StatementTemplate?.Contains("Trial note", StringComparison.Ordinal) == true);
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 5200);
        var lan = await fixture.SignInAsync("clerk");
        await ClerkBrowserFixture.DecideAsync(lan, submitted.DossierId, "approve", new { });
        Assert.Equal("Issued", await new DossierSubmitter(fixture.Kiosk()).WaitForStatusAsync(submitted.DossierId, "Issued", TimeSpan.FromSeconds(60), Ct));
        var view = await fixture.Kiosk().GetAsync(submitted.DossierId, Ct);
        var statement = await StatementPageTextAsync(view["copy"]!["downloadUrl"]!.GetValue<string>(), submitted.DossierId);

        // The CCCD's front, one page: 3.000 đồng under the saved table (2.000 under the circular); the note names Lan's agency.
        // pdftotext, not our code, reads the page.
        Assert.True(statement.Contains("Lệ phí / Fee: 3.000 đồng", StringComparison.Ordinal), statement);
        Assert.True(statement.Contains("Ghi chú thử nghiệm / Trial note: Ủy ban nhân dân phường Hoàn Kiếm", StringComparison.Ordinal), statement);
        var chain = await (await page.APIRequest.GetAsync("/api/audit/settings/fees")).TextAsync();
        Assert.Contains("settings.saved", chain, StringComparison.Ordinal);
        await lan.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_document_type_added_on_screen_reaches_kiosks_once_a_workflow_is_bound_and_leaves_when_hidden()
    {
        var page = await fixture.SignInAsync("admin", "/admin/document-types", "[data-testid=type-list]");
        await page.GetByTestId("type-add").ClickAsync();
        await Field(page, "type-key").FillAsync("marriage-certificate");
        await Field(page, "type-name-vi").FillAsync("<b>Giấy chứng nhận kết hôn</b>");
        await Field(page, "type-name-en").FillAsync("Marriage certificate");
        await page.GetByTestId("type-confirm").ClickAsync();
        // Markup in a name: refused with the reason, nothing saved.
        await Assertions.Expect(page.GetByTestId("settings-problems")).ToContainTextAsync("marriage-certificate");
        await Assertions.Expect(page.GetByTestId("settings-version")).ToContainTextAsync("mặc định");

        await page.GetByTestId("type-add").ClickAsync();
        await Field(page, "type-key").FillAsync("marriage-certificate");
        await Field(page, "type-name-vi").FillAsync("Giấy chứng nhận kết hôn");
        await Field(page, "type-name-en").FillAsync("Marriage certificate");
        await page.GetByTestId("type-confirm").ClickAsync();
        var row = page.GetByTestId("type-marriage-certificate");
        await Assertions.Expect(row).ToContainTextAsync("Giấy chứng nhận kết hôn");
        await Assertions.Expect(row.GetByTestId("type-unbound")).ToBeVisibleAsync();
        await PageAudit.AuditAsync(page, "admin-07-document-types-vi", "smartkiosk-admin-screens");

        // Offered but without a workflow: kiosks do not list it yet; bound to the generic one, they do.
        await AppliedAsync(fixture.Host.Services.GetRequiredService<IOptionsMonitor<DocumentTypeOptions>>(), o => o.Types.ContainsKey("marriage-certificate"));
        Assert.DoesNotContain("marriage-certificate", await OfferedAsync());
        await fixture.BackOffice.Services.GetRequiredService<IWorkflowDefinitionStore>().SetBindingAsync("marriage-certificate", "certified-copy-generic", "admin", Ct);
        Assert.Contains("marriage-certificate", await OfferedAsync());
        var started = await fixture.Kiosk().StartAsync("marriage-certificate", Ct);
        Assert.NotNull(started["dossierId"]);

        // Hidden: no longer offered (the dossier just started stays valid).
        await page.ReloadAsync();
        await row.GetByTestId("type-edit").ClickAsync();
        await page.GetByTestId("type-offered").ClickAsync();
        await page.GetByTestId("type-confirm").ClickAsync();
        await Assertions.Expect(row.GetByTestId("type-status")).ToHaveTextAsync("Đã ẩn");
        await AppliedAsync(fixture.Host.Services.GetRequiredService<IOptionsMonitor<DocumentTypeOptions>>(), o => !o.Types["marriage-certificate"].Offered);
        Assert.DoesNotContain("marriage-certificate", await OfferedAsync());
        var kept = await fixture.Kiosk().GetAsync(Guid.Parse(started["dossierId"]!.GetValue<string>()), Ct);
        Assert.Equal("marriage-certificate", kept["documentType"]!.GetValue<string>());
        Assert.NotEqual("Failed", kept["status"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_auditor_and_an_administrator_bound_to_an_agency_read_the_settings_but_cannot_change_them()
    {
        IssuedPassword issued;
        await using (var scope = fixture.BackOffice.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var city = new BackOfficeActor("admin", "Quản trị viên", [Roles.Admin], null, null);
            issued = await accounts.CreateAsync(new NewAccount("admin-settings-bd", "Quản trị Ba Đình", null, Roles.Admin, "hn-ba-dinh", null, null), city, Ct);
        }

        var screens = new[] { ("/admin/fees", "[data-testid=fee-preview]", "fees-save"), ("/admin/statement", "[data-testid=statement-preview]", "statement-save"), ("/admin/document-types", "[data-testid=type-list]", "type-add") };
        foreach (var (userName, password) in new[] { ("auditor", fixture.BackOffice.PasswordOf("auditor")), ("admin-settings-bd", issued.Password) })
        {
            foreach (var (path, ready, save) in screens)
            {
                var page = await BrowserSignIn.SignInAsync(fixture.Browser, fixture.BackOfficeAddress!, userName, password, path, ready, "vi-VN", 1440, 900);
                Assert.Equal(0, await page.GetByTestId(save).CountAsync());
                Assert.Equal(0, await page.GetByTestId("type-edit").CountAsync());
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Chỉ xem");
                await page.Context.CloseAsync();
            }
        }
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private async Task<IReadOnlyList<string>> OfferedAsync() =>
        [.. (await fixture.Kiosk().DocumentTypesAsync(Ct))["items"]!.AsArray().Select(t => t!["key"]!.GetValue<string>())];

    /// <summary>Waits for a host's options to show a saved change (its refresh raises the change; nothing is polled here).</summary>
    private static async Task AppliedAsync<T>(IOptionsMonitor<T> options, Func<T, bool> applied)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = options.OnChange(value =>
        {
            if (applied(value))
            {
                seen.TrySetResult();
            }
        });
        if (!applied(options.CurrentValue))
        {
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The statement page (the copy's last) as pdftotext reads it.</summary>
    private async Task<string> StatementPageTextAsync(string downloadUrl, Guid dossierId)
    {
        using var http = new HttpClient();
        var path = Path.Combine(fixture.Host.DataPath, $"{dossierId}-statement.pdf");
        await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync(downloadUrl, Ct), Ct);
        var (_, pages) = CommandLine.Run("pdfinfo", path);
        var last = pages.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim();
        return CommandLine.Run("pdftotext", "-f", last, "-l", last, path, "-").Output;
    }
}

using Microsoft.Playwright;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// An officer's day in the browser, on dossiers that came through the kiosk API: open a task, correct a
/// field, approve and sign — the copy's officer signature names her (pdfsig); refuse one on an Art. 22
/// ground; sign five clear dossiers in one batch after confirming the password. Each screen is checked
/// with axe (WCAG 2.x A/AA) and photographed (docs/screenshots/clerk-*.jpg with SMARTKIOSK_SCREENSHOTS).
/// </summary>
public sealed class ClerkWorkspaceBrowserTests(ClerkBrowserFixture fixture) : IClassFixture<ClerkBrowserFixture>
{
    [Fact]
    public async Task A_clerk_corrects_a_field_approves_and_the_copy_is_signed_in_her_name()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1000);
        var page = await fixture.SignInAsync("clerk");
        await AuditAsync(page, "clerk-01-inbox-vi");

        await page.Locator($"tr[data-receipt='{submitted.ReceiptCode}'] a.receipt").ClickAsync();
        await page.GetByTestId("approve").WaitForAsync();
        await page.GetByTestId("page-image").WaitForAsync();
        await AuditAsync(page, "clerk-02-review-vi");

        await page.Locator("tr[data-field='fullName'] button").ClickAsync();
        var corrected = submitted.Fields["fullName"] + " THỊ";
        await Field(page, "correction", "input").FillAsync(corrected);
        await Field(page, "correction", "input").BlurAsync();
        await Assertions.Expect(page.GetByTestId("approve")).ToContainTextAsync("1");
        await Screenshot(page, "clerk-03-correction-vi");
        await page.GetByTestId("approve").ClickAsync();
        await page.WaitForURLAsync("**/tasks");

        var view = await fixture.Kiosk().GetAsync(submitted.DossierId, CancellationToken.None);
        Assert.Equal("Issued", view["status"]!.GetValue<string>());
        var pdfsig = await fixture.PdfsigAsync(view["copy"]!["downloadUrl"]!.GetValue<string>(), submitted.DossierId);
        Assert.Contains("Signer Certificate Common Name: Nguyễn Thị Lan", pdfsig, StringComparison.Ordinal);
        Assert.Equal(2, pdfsig.Split("Signature Validation: Signature is Valid.").Length - 1);
    }

    [Fact]
    public async Task A_clerk_refuses_a_doubtful_dossier_on_an_Art_22_ground_in_English()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1002, disputed: ["dateOfBirth"]);
        var page = await fixture.SignInAsync("clerk", locale: "en-US");
        await page.GetByLabel("Search receipt code").FillAsync(submitted.ReceiptCode!.ToLowerInvariant());
        await page.GetByLabel("Search receipt code").PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.inbox tbody tr")).ToHaveCountAsync(1);
        await page.Locator($"tr[data-receipt='{submitted.ReceiptCode}'] a.receipt").ClickAsync();
        await page.GetByTestId("reject").ClickAsync();
        await page.Locator("input[data-ground='art22-damaged'], [data-ground='art22-damaged'] input").CheckAsync();
        await Field(page, "reject-note", "textarea").FillAsync("The lower right corner is torn.");
        await AuditAsync(page, "clerk-04-reject-en");
        await page.GetByTestId("reject-confirm").ClickAsync();
        await page.WaitForURLAsync("**/tasks");

        var view = await fixture.Kiosk().GetAsync(submitted.DossierId, CancellationToken.None);
        Assert.Equal("Refused", view["status"]!.GetValue<string>());
        Assert.Contains(view["reasons"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "art22-damaged");
    }

    [Fact]
    public async Task An_administrator_hands_a_dossier_to_an_officer_of_its_agency()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1001, disputed: ["fullName"]);
        var page = await fixture.SignInAsync("admin");
        await page.Locator($"tr[data-receipt='{submitted.ReceiptCode}'] a.receipt").ClickAsync();
        await page.GetByTestId("assign").WaitForAsync();

        await page.Locator("[data-testid='assign-to']").First.ClickAsync();
        var tuan = page.GetByRole(AriaRole.Option, new() { NameString = "Phạm Minh Tuấn (clerk2)" });
        await tuan.WaitForAsync();
        // Only Hoàn Kiếm's officers are offered: Ba Đình's is not among them.
        Assert.Equal(0, await page.GetByRole(AriaRole.Option, new() { NameString = "Trần Văn Đức (clerk-bd)" }).CountAsync());
        await tuan.ClickAsync();
        await page.GetByTestId("assign").ClickAsync();

        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Đang xử lý");
    }

    [Fact]
    public async Task An_auditor_reads_a_dossiers_audit_chain_by_its_receipt_code_and_sees_it_intact()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1002);
        var page = await fixture.SignInAsync("auditor");
        await page.GotoAsync("/admin/audit");
        await Field(page, "audit-id", "input").FillAsync(submitted.ReceiptCode!);
        await page.GetByTestId("audit-show").ClickAsync();

        await Assertions.Expect(page.GetByTestId("audit-verdict")).ToContainTextAsync("nguyên vẹn");
        Assert.True(await page.Locator("[data-testid='audit-entries'] tbody tr").CountAsync() >= 5);
        await Assertions.Expect(page.Locator("[data-testid='audit-entries']")).ToContainTextAsync("created");
        await AuditAsync(page, "admin-01-audit-vi");
    }

    [Fact]
    public async Task A_clerk_signs_five_clear_dossiers_in_one_batch_after_confirming_her_password()
    {
        var seeds = new[] { 1000, 1001, 1002, 1000, 1001 };
        var submitted = new List<Samples.KioskSimulator.Submission.SubmissionResult>();
        foreach (var seed in seeds)
        {
            submitted.Add(await fixture.SubmitAwaitingOfficerAsync(seed));
        }
        var page = await fixture.SignInAsync("clerk2");
        // Five of this test's, and any clear dossier another test of this class left behind.
        await page.GetByTestId("select-clear").ClickAsync();
        await page.GetByTestId("batch-approve").ClickAsync();
        await Field(page, "batch-password", "input").FillAsync(fixture.BackOffice.PasswordOf("clerk2"));
        await AuditAsync(page, "clerk-05-batch-vi");
        await page.GetByTestId("batch-sign").ClickAsync();
        await page.Locator(".mud-snackbar").WaitForAsync();
        await Screenshot(page, "clerk-06-batch-done-vi");

        foreach (var dossier in submitted)
        {
            var view = await fixture.Kiosk().GetAsync(dossier.DossierId, CancellationToken.None);
            Assert.Equal("Issued", view["status"]!.GetValue<string>());
        }
        var last = await fixture.Kiosk().GetAsync(submitted[^1].DossierId, CancellationToken.None);
        var pdfsig = await fixture.PdfsigAsync(last["copy"]!["downloadUrl"]!.GetValue<string>(), submitted[^1].DossierId);
        Assert.Contains("Signer Certificate Common Name: Phạm Minh Tuấn", pdfsig, StringComparison.Ordinal);
    }

    /// <summary>MudBlazor puts a field's attributes on the input itself: the element, whichever way it is rendered.</summary>
    private static ILocator Field(IPage page, string testId, string element) =>
        page.Locator($"{element}[data-testid='{testId}'], [data-testid='{testId}'] {element}").First;

    private static Task AuditAsync(IPage page, string name) => PageAudit.AuditAsync(page, name, "smartkiosk-clerk-screens");

    private static Task Screenshot(IPage page, string name) => PageAudit.ScreenshotAsync(page, name, "smartkiosk-clerk-screens");
}

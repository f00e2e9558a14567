using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The reports dashboard over a known set of dossiers (<see cref="ReportsBrowserFixture"/>): the API's
/// numbers, the CSV, who may read them, and the screen (charts drawn, axe WCAG A/AA, screenshot).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportsBrowserTests(ReportsBrowserFixture fixture) : IClassFixture<ReportsBrowserFixture>
{
    [Fact]
    public async Task The_dashboard_api_counts_the_period_s_dossiers_reviews_refusals_and_officers()
    {
        var page = await fixture.SignInAsync("auditor", "/reports", "[data-testid=kpis]");
        var report = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/reports/dashboard")).TextAsync())!;

        var totals = report["totals"]!;
        Assert.Equal((6, 4, 1, 1), (totals["submitted"]!.GetValue<int>(), totals["issued"]!.GetValue<int>(), totals["refused"]!.GetValue<int>(), totals["inProgress"]!.GetValue<int>()));
        var copy = report["submissionToCopy"]!;
        Assert.Equal(4, copy["count"]!.GetValue<int>());
        Assert.InRange(copy["medianMinutes"]!.GetValue<double>(), 0.001, 10);
        Assert.True(copy["p95Minutes"]!.GetValue<double>() >= copy["medianMinutes"]!.GetValue<double>());

        var review = report["review"]!;
        // Every dossier reached an officer; the disputed one is doubtful (a synthetic card may also carry a finding of its own).
        var (tasks, doubtful, clear) = (review["officerTasks"]!.GetValue<int>(), review["doubtful"]!.GetValue<int>(), review["clear"]!.GetValue<int>());
        Assert.True(tasks == 6 && doubtful >= 1 && clear + doubtful == 6 && review["issuedWithoutOfficer"]!.GetValue<int>() == 0, review.ToJsonString());
        Assert.Equal(doubtful / 6.0, review["manualShare"]!.GetValue<double>(), 6);
        Assert.Contains(review["topReasons"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "disputed-fields");
        Assert.Equal("art22-damaged", Assert.Single(report["rejections"]!.AsArray())!["code"]!.GetValue<string>());

        var kiosks = report["kiosks"]!.AsArray().ToDictionary(k => k!["deviceId"]!.GetValue<string>(), k => k!["submitted"]!.GetValue<int>());
        Assert.Equal(3, kiosks.Count);
        Assert.Equal((2, 1), (kiosks["test-kiosk-hk-2"], kiosks["test-kiosk-bd"]));

        var officers = report["officers"]!.AsArray().ToDictionary(o => o!["userName"]!.GetValue<string>());
        Assert.Equal(("Nguyễn Thị Lan", 3, 1, 4), (officers["clerk"]!["fullName"]!.GetValue<string>(), officers["clerk"]!["approved"]!.GetValue<int>(), officers["clerk"]!["rejected"]!.GetValue<int>(), officers["clerk"]!["total"]!.GetValue<int>()));
        Assert.Equal(1, officers["clerk2"]!["approved"]!.GetValue<int>());
        var today = report["days"]!.AsArray().Last()!;
        Assert.Equal(6, today["submitted"]!.GetValue<int>());

        var csv = await page.APIRequest.GetAsync("/api/reports/dashboard.csv?table=officers");
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("attachment", csv.Headers["content-disposition"], StringComparison.Ordinal);
        var body = await csv.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(body[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Tài khoản,Cán bộ,Duyệt,Từ chối,Yêu cầu quét lại,Tổng,Thời gian xử lý trung vị (phút)", lines[0]);
        Assert.StartsWith("clerk,Nguyễn Thị Lan,3,1,0,4,", lines[1], StringComparison.Ordinal);

        var reversed = await page.APIRequest.GetAsync("/api/reports/dashboard?from=2026-11-20&to=2026-11-01");
        var tooLong = await page.APIRequest.GetAsync("/api/reports/dashboard?from=2026-01-01&to=2026-11-01");
        var unknownTable = await page.APIRequest.GetAsync("/api/reports/dashboard.csv?table=secrets");
        Assert.Equal((400, 400, 400), (reversed.Status, tooLong.Status, unknownTable.Status));
        Assert.Equal("period-too-long", JsonNode.Parse(await tooLong.TextAsync())!["code"]!.GetValue<string>());
        Assert.StartsWith("application/problem+json", tooLong.Headers["content-type"], StringComparison.Ordinal);

        var clerk = await fixture.SignInAsync("clerk");
        Assert.Equal(403, (await clerk.APIRequest.GetAsync("/api/reports/dashboard")).Status);
        await clerk.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_draws_its_charts_with_the_numbers_in_text_and_passes_axe()
    {
        var page = await fixture.SignInAsync("admin", "/reports", "[data-testid=kpis]", width: 1440, height: 1000);
        await Assertions.Expect(page.Locator("[data-testid=kpi-submitted] .mud-typography-h4")).ToHaveTextAsync("6");
        var share = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/reports/dashboard")).TextAsync())!["review"]!["manualShare"]!.GetValue<double>();
        await Assertions.Expect(page.Locator("[data-testid=kpi-review] .mud-typography-h4")).ToHaveTextAsync(share.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        foreach (var chart in new[] { "chart-days", "chart-time", "chart-kiosks", "chart-review", "chart-rejections", "chart-officers" })
        {
            var figure = page.Locator($"[data-testid={chart}]");
            await Assertions.Expect(figure.Locator("svg").First).ToBeVisibleAsync();
            Assert.False(string.IsNullOrWhiteSpace(await figure.Locator("[role=img]").GetAttributeAsync("aria-label")));
        }

        // The officers' numbers are there as text too.
        var officers = page.Locator("[data-testid=chart-officers]");
        await officers.Locator("summary").ClickAsync();
        await Assertions.Expect(officers.Locator("tbody tr").First).ToContainTextAsync("Nguyễn Thị Lan");
        await officers.Locator("summary").ClickAsync();
        await page.Locator("[data-testid=report-export] button").ClickAsync();
        await Assertions.Expect(page.Locator("a[href*='dashboard.csv?table=officers']")).ToBeVisibleAsync();
        await page.Locator("[data-testid=report-export] button").ClickAsync();
        await Assertions.Expect(page.Locator("a[href*='dashboard.csv?table=officers']")).ToBeHiddenAsync();
        await PageAudit.AuditAsync(page, "reports-01-dashboard-vi", "smartkiosk-report-screens");
        await page.Context.CloseAsync();
    }
}

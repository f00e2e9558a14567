using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>The back office's screens checked with axe (WCAG 2.x A/AA) and photographed (docs/screenshots with SMARTKIOSK_SCREENSHOTS).</summary>
public static class PageAudit
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>axe's WCAG A/AA rules on the screen as it is, then a screenshot; every violation is listed in the failure.</summary>
    public static async Task AuditAsync(IPage page, string name, string folderName, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        // A snackbar or dialog still fading in has blended colours: axe would measure the fade, not the screen.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)",
            null,
            new PageWaitForFunctionOptions { Timeout = 5000, PollingInterval = 50 });
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        var findings = axe.Violations.Select(v => $"{v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))}").ToList();
        await ScreenshotAsync(page, name, folderName, fullPage);
        Assert.True(findings.Count == 0, $"{name}: " + string.Join("\n", findings));
    }

    /// <summary>The whole page, or with <paramref name="fullPage"/> false what is in view (screens that fill the window).</summary>
    public static async Task ScreenshotAsync(IPage page, string name, string folderName, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = ScreenAudit.FolderFor(Path.Combine(Path.GetTempPath(), folderName));
        Directory.CreateDirectory(folder);
        // A whole page, unless a dialog is open (the fixed app bar would land mid-picture).
        var dialog = await page.Locator(".mud-dialog").CountAsync() > 0;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".jpg"), FullPage = fullPage && !dialog, Type = ScreenshotType.Jpeg, Quality = 80 });
    }
}

using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// Photographs a kiosk screen in both languages and checks it the way an accessibility reviewer would:
/// axe-core's WCAG 2.0–2.2 A/AA rules (contrast, names, labels, roles), touch targets of at least
/// 44×44 px, a focus order that follows the page with a visible focus ring on every stop, no text left
/// as a dictionary key, nothing hidden below the screen's edge (a kiosk has no scroll bar to find) and no
/// control sticking out of its screen or dialog.
/// Findings are collected, not thrown, so one run lists them all.
/// </summary>
public sealed class ScreenAudit(string folder, string orientation)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private int index;

    public List<string> Findings { get; } = [];

    public List<string> Screenshots { get; } = [];

    public List<string> Timings { get; } = [];

    /// <summary>Folder for the screenshots: docs/screenshots when SMARTKIOSK_SCREENSHOTS says so, else the test's own.</summary>
    public static string FolderFor(string fallback) =>
        Environment.GetEnvironmentVariable("SMARTKIOSK_SCREENSHOTS") is { Length: > 0 } configured ? configured : Path.Combine(fallback, "screenshots");

    /// <summary>Audits the screen as it is, in Vietnamese and in English (switched with the screen's own button), and leaves it in Vietnamese.</summary>
    public async Task ScreenAsync(IPage page, string screen)
    {
        ArgumentNullException.ThrowIfNull(page);
        index++;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var language in new[] { "vi", "en" })
        {
            await UseAsync(page, language);
            await CheckAsync(page, screen, language);
        }
        await UseAsync(page, "vi");
        var checkedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        await FocusOrderAsync(page, screen);
        Timings.Add($"{screen}: checks {System.Diagnostics.Stopwatch.GetElapsedTime(started, checkedAt).TotalMilliseconds:0} ms, focus order {System.Diagnostics.Stopwatch.GetElapsedTime(checkedAt).TotalMilliseconds:0} ms");
    }

    /// <summary>A dialog cannot reach the language button behind it: it is opened once per language.</summary>
    public async Task DialogAsync(IPage page, string screen, Func<Task> open, Func<Task> close)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(close);
        index++;
        foreach (var language in new[] { "vi", "en" })
        {
            await UseAsync(page, language);
            await open();
            await page.Locator("dialog[open]").WaitForAsync();
            await CheckAsync(page, screen, language);
            await close();
        }
        await UseAsync(page, "vi");
    }

    private static async Task UseAsync(IPage page, string language)
    {
        if (await page.GetAttributeAsync("html", "lang") != language)
        {
            await page.Locator("#language").ClickAsync();
            await page.Locator($"html[lang='{language}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
    }

    private async Task CheckAsync(IPage page, string screen, string language)
    {
        var name = $"kiosk-{orientation}-{index:00}-{screen}-{language}";
        Directory.CreateDirectory(folder);
        // JPEG: camera pictures make PNGs of half a megabyte, and the set lives in the repository.
        var path = Path.Combine(folder, name + ".jpg");
        await page.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Jpeg, Quality = 80, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        Screenshots.Add(path);

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        foreach (var violation in axe.Violations)
        {
            Findings.Add($"{name}: axe {violation.Id} ({violation.Impact}) {violation.Help} at {string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        var layout = await page.EvaluateAsync<JsonElement>(LayoutScript);
        foreach (var small in layout.GetProperty("small").EnumerateArray())
        {
            Findings.Add($"{name}: touch target smaller than 44×44 px: {small.GetString()}");
        }
        foreach (var key in layout.GetProperty("keys").EnumerateArray())
        {
            Findings.Add($"{name}: text shows a dictionary key: {key.GetString()}");
        }
        foreach (var clipped in layout.GetProperty("clipped").EnumerateArray())
        {
            Findings.Add($"{name}: control sticks out of its screen or dialog: {clipped.GetString()}");
        }
        if (layout.GetProperty("overflow").GetInt32() > 0)
        {
            Findings.Add($"{name}: {layout.GetProperty("overflow").GetInt32()} px below the screen's edge (a kiosk must not need scrolling)");
        }
    }

    /// <summary>Tabs through the screen: every stop visible, ringed, and in the order of the page.</summary>
    private async Task FocusOrderAsync(IPage page, string screen)
    {
        var name = $"kiosk-{orientation}-{index:00}-{screen}";
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        var stops = new List<JsonElement>();
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<JsonElement>(FocusScript);
            if (stop.ValueKind == JsonValueKind.Null || stops.Any(s => s.GetProperty("order").GetInt32() == stop.GetProperty("order").GetInt32()))
            {
                break; // wrapped around to a stop already seen (or left the page)
            }
            if (stops.Count > 0 && stop.GetProperty("order").GetInt32() < stops[^1].GetProperty("order").GetInt32())
            {
                Findings.Add($"{name}: focus jumps back from {stops[^1].GetProperty("what").GetString()} to {stop.GetProperty("what").GetString()}");
            }
            stops.Add(stop);
        }
        if (stops.Count == 0)
        {
            Findings.Add($"{name}: nothing takes the focus with Tab");
        }
        foreach (var stop in stops)
        {
            if (!stop.GetProperty("ringed").GetBoolean())
            {
                Findings.Add($"{name}: focus ring not visible on {stop.GetProperty("what").GetString()}");
            }
            if (!stop.GetProperty("visible").GetBoolean())
            {
                Findings.Add($"{name}: focus lands on something not visible: {stop.GetProperty("what").GetString()}");
            }
        }
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
    }

    private const string LayoutScript = """
        () => {
          const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && s.visibility !== 'hidden' && !el.closest('[hidden]'); };
          const what = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
          const scope = document.querySelector('dialog[open]') ?? document;
          const small = [...scope.querySelectorAll('button, a[href], input:not(.sr-only), select, textarea, [role=button]')]
            .filter(visible)
            .filter((el) => { const r = el.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
            .map(what);
          const keys = [...document.querySelectorAll('body *')]
            .filter((el) => el.children.length === 0 && visible(el) && /^[a-z]+(\.[a-zA-Z0-9-]+)+$/.test((el.textContent || '').trim()))
            .map(what);
          const overflow = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
          const frame = document.querySelector('dialog[open]')?.getBoundingClientRect() ?? { left: 0, right: innerWidth };
          const clipped = [...scope.querySelectorAll('button, input:not([hidden])')]
            .filter(visible)
            .filter((el) => { const r = el.getBoundingClientRect(); return r.left < frame.left - 1 || r.right > frame.right + 1; })
            .map(what);
          return { small, keys, overflow, clipped };
        }
        """;

    private const string FocusScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const all = [...document.querySelectorAll('*')];
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          const ringed = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          const visible = r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
          return { order: all.indexOf(el), ringed, visible, what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"` };
        }
        """;
}

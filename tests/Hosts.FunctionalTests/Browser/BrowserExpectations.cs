using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// How long a web-first assertion waits for the screen to show what it expects. Most of them wait for the
/// system's answer (an upload's quality gate, a workflow step); in CI every test assembly runs at once on two
/// cores and such an answer can take longer than Playwright's 5 s default. A screen that never shows it still
/// fails the test, only later.
/// </summary>
internal static class BrowserExpectations
{
    public const float TimeoutMilliseconds = 30_000;

    public static void Apply() => Assertions.SetDefaultExpectTimeout(TimeoutMilliseconds);
}

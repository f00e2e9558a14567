using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The kiosk screen as the gateway serves it — public files, locked down by headers — and its words:
/// every text the screens ask for exists in both dictionaries.
/// </summary>
public sealed partial class KioskScreenHostingTests
{
    [Fact]
    public async Task The_screen_is_served_publicly_with_a_strict_content_security_policy_and_the_camera_for_this_origin_only()
    {
        await using var host = new HostFactory<GatewayEntryPoint>();
        using var client = host.CreateBrowserlessClient();

        using var bare = await client.GetAsync(new Uri("/kiosk", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/kiosk/", bare.Headers.Location!.OriginalString);

        using var page = await client.GetAsync(new Uri("/kiosk/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("camera=(self), microphone=(), geolocation=(), payment=()", page.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());

        foreach (var script in new[] { "/kiosk/js/app.js", "/kiosk/vendor/qrcode-generator/qrcode.mjs" })
        {
            using var response = await client.GetAsync(new Uri(script, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        }

        // Only the screen's folder is served: the host's settings are not files of the web root.
        using var settings = await client.GetAsync(new Uri("/kiosk/../appsettings.json", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, settings.StatusCode);
        using var api = await client.GetAsync(new Uri("/api/kiosk/document-types", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public void Every_text_the_screens_ask_for_is_in_both_dictionaries()
    {
        var root = RepositoryPaths.Combine("KioskGateway", "wwwroot", "kiosk");
        var vi = Dictionary(Path.Combine(root, "i18n", "vi.json"));
        var en = Dictionary(Path.Combine(root, "i18n", "en.json"));
        Assert.Equal(vi.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(vi.Concat(en), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));

        var sources = Directory.EnumerateFiles(Path.Combine(root, "js"), "*.js", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "index.html"))
            .ToDictionary(path => Path.GetRelativePath(root, path), File.ReadAllText);
        var used = sources.SelectMany(source => TextKey().Matches(source.Value).Select(m => (File: source.Key, Key: m.Groups["key"].Value))).ToList();
        Assert.True(used.Count > 100, $"only {used.Count} texts found; the scan is broken");
        var missing = used.Where(u => !vi.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));

        // Keys made at run time: the advice codes of the live camera check, and the problem codes of the kiosk API the screen explains.
        foreach (var hint in new[] { "ok", "dark", "glare", "motion", "empty", "far", "blur" })
        {
            Assert.Contains($"hint.{hint}", vi.Keys);
        }
        Assert.Contains("error.generic", vi.Keys);
        Assert.Contains("service.certified-copy", vi.Keys);
    }

    private static Dictionary<string, string> Dictionary(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;

    // tx("key"…), heading("key"…), button("key"…), showError("key"), typedField("id", "key"…), openDialog("key", "key"…)
    // and data-i18n="key" in the markup.
    [GeneratedRegex("""(?:\b(?:tx|heading|button|showError)\(\s*"|\btypedField\(\s*"[^"]+",\s*"|data-i18n(?:-label)?="|openDialog\(\s*"|"(?=[a-z]+\.[a-zA-Z]+",\s*\[))(?<key>[a-z][a-zA-Z]*\.[a-zA-Z0-9.-]+)""")]
    private static partial Regex TextKey();
}

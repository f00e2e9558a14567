using System.Net;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>The language switch: sets a lasting cookie, goes back to a page of this site only, and refuses unknown languages.</summary>
public sealed class CultureSwitchTests : IDisposable
{
    private readonly HostFactory<DesignerHostEntryPoint> _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/tasks", "/tasks")]
    [InlineData("/tasks/01a21000-0000-7000-8000-000000000000", "/tasks/01a21000-0000-7000-8000-000000000000")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("", "/")]
    public async Task The_switch_sets_the_cookie_and_returns_only_to_a_page_of_this_site(string returnUrl, string expected)
    {
        using var client = _host.CreateBrowserlessClient();
        var response = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-US", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_language_is_refused()
    {
        using var client = _host.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/culture/fr-FR?returnUrl=/tasks")).StatusCode);
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting.Observability;

namespace SmartKiosk.Activities.Tests.Hosting;

public sealed class MetricsScrapeAccessTests
{
    [Fact]
    public void Without_a_token_only_a_scraper_on_this_machine_is_answered()
    {
        var access = new MetricsScrapeAccess(Options.Create(new ObservabilityOptions()));

        Assert.True(access.Allows(null, IPAddress.Loopback));
        Assert.True(access.Allows(null, IPAddress.IPv6Loopback));
        Assert.False(access.Allows(null, IPAddress.Parse("10.0.0.5")));
        Assert.False(access.Allows("Bearer anything", IPAddress.Parse("203.0.113.9")));
        Assert.False(access.Allows(null, null));
    }

    [Fact]
    public void With_a_token_only_its_holder_is_answered_wherever_they_are()
    {
        var access = new MetricsScrapeAccess(Options.Create(new ObservabilityOptions { ScrapeToken = "scrape-secret" }));

        Assert.True(access.Allows("Bearer scrape-secret", IPAddress.Parse("10.0.0.5")));
        Assert.True(access.Allows("bearer scrape-secret", null));
        Assert.False(access.Allows(null, IPAddress.Loopback));
        Assert.False(access.Allows("Bearer scrape-secre", IPAddress.Loopback));
        Assert.False(access.Allows("Basic scrape-secret", IPAddress.Loopback));
    }
}

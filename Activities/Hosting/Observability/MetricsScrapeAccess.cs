using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Hosting.Observability;

/// <summary>Who may read <c>/metrics</c>: the holder of the scrape token, or (when none is configured) a scraper on loopback.</summary>
public sealed class MetricsScrapeAccess(IOptions<ObservabilityOptions> options)
{
    private const string Bearer = "Bearer ";

    public bool Allows(string? authorization, IPAddress? remote)
    {
        if (string.IsNullOrEmpty(options.Value.ScrapeToken))
        {
            return remote is not null && IPAddress.IsLoopback(remote);
        }

        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[Bearer.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(options.Value.ScrapeToken);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}

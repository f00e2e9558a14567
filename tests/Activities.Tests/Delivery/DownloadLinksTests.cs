using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Delivery;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Tests.Delivery;

/// <summary>Signed download links: they name their copy until they expire, and an altered one names nothing.</summary>
public sealed class DownloadLinksTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly DownloadLinks _links;

    public DownloadLinksTests()
    {
        var keys = new BlobKeyRing(
            Options.Create(new BlobStoreOptions { KeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()) } }),
            Options.Create(new DataFolderOptions { Path = Path.GetTempPath() }),
            NullLogger<BlobKeyRing>.Instance);
        _links = new DownloadLinks(keys, Options.Create(new DownloadLinkOptions { Lifetime = TimeSpan.FromDays(7) }), Options.Create(new IssuanceOptions { PublicBaseUrl = "https://kiosk.example.vn" }), _time);
    }

    [Fact]
    public void A_link_names_its_copy_until_it_expires()
    {
        var copy = Guid.NewGuid();
        var link = _links.Create(copy);
        var token = link.Url["https://kiosk.example.vn/d/".Length..];

        Assert.StartsWith("https://kiosk.example.vn/d/", link.Url, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddDays(7), link.ExpiresAt);
        Assert.Equal(copy, _links.Read(token));
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(copy, _links.Read(token));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(_links.Read(token));
    }

    [Fact]
    public void An_altered_or_foreign_token_names_nothing()
    {
        var token = _links.Create(Guid.NewGuid()).Url.Split("/d/")[1];
        var flipped = (token[3] == 'A' ? 'B' : 'A').ToString();

        Assert.Null(_links.Read(token[..3] + flipped + token[4..]));
        Assert.Null(_links.Read(token.Replace(".k1", ".k2", StringComparison.Ordinal)));
        Assert.Null(_links.Read("not-a-token"));
        Assert.Null(_links.Read(new string('A', 500)));
    }
}

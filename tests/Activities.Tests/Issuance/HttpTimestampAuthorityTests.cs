using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Timestamps;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>
/// The RFC 3161 HTTP client against a TSA service over a real socket (the local TSA answering
/// application/timestamp-query, as a real authority would), and its refusals of bad replies.
/// </summary>
public sealed class HttpTimestampAuthorityTests(IssuanceFixture fixture) : IClassFixture<IssuanceFixture>
{
    [Fact]
    public async Task A_token_from_the_tsa_service_is_checked_and_covers_our_digest()
    {
        using var tsaKey = fixture.Key(DevelopmentPki.TsaFile);
        var tsa = new LocalTimestampAuthority(tsaKey, fixture.Time);
        using var server = TsaServer.Start(request => (200, "application/timestamp-reply", tsa.Respond(request)));
        using var http = new HttpClient();
        var digest = SHA256.HashData("the signature value"u8);

        var token = await new HttpTimestampAuthority(http, server.Address).TimestampAsync(digest, CancellationToken.None);

        Assert.True(Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        Assert.True(decoded!.TokenInfo.GetMessageHash().Span.SequenceEqual(digest));
        Assert.Equal(fixture.Time.GetUtcNow(), decoded.TokenInfo.Timestamp);
    }

    [Fact]
    public async Task A_failing_or_garbled_tsa_is_reported_not_trusted()
    {
        using var down = TsaServer.Start(_ => (503, "text/plain", "busy"u8.ToArray()));
        using var garbled = TsaServer.Start(_ => (200, "application/timestamp-reply", "not a reply"u8.ToArray()));
        using var http = new HttpClient();
        var digest = SHA256.HashData("x"u8);

        await Assert.ThrowsAsync<TimestampUnavailableException>(() => new HttpTimestampAuthority(http, down.Address).TimestampAsync(digest, CancellationToken.None));
        await Assert.ThrowsAsync<TimestampUnavailableException>(() => new HttpTimestampAuthority(http, garbled.Address).TimestampAsync(digest, CancellationToken.None));
    }

    /// <summary>A one-route HTTP server on a free loopback port.</summary>
    private sealed class TsaServer : IDisposable
    {
        private readonly HttpListener listener = new();

        private TsaServer(Func<byte[], (int Status, string ContentType, byte[] Body)> answer)
        {
            Address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/tsa/");
            listener.Prefixes.Add(Address.ToString());
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    var (status, type, reply) = answer(body.ToArray());
                    context.Response.StatusCode = status;
                    context.Response.ContentType = type;
                    await context.Response.OutputStream.WriteAsync(reply);
                    context.Response.Close();
                }
            });
        }

        public Uri Address { get; }

        public static TsaServer Start(Func<byte[], (int, string, byte[])> answer) => new(answer);

        public void Dispose() => listener.Close();
    }
}

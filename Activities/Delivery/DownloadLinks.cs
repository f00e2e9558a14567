using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Delivery;

/// <summary>
/// Signed, expiring download links for an issued copy: <c>{PublicBaseUrl}/d/{token}</c>, the token
/// being the copy id and expiry with an HMAC-SHA256 tag (key derived from the data key ring). Nothing
/// is stored per link, any node can check one, and a tampered or stale link is simply refused.
/// </summary>
public sealed class DownloadLinks(BlobKeyRing keys, IOptions<DownloadLinkOptions> options, IOptions<IssuanceOptions> issuance, TimeProvider time)
{
    private const string Purpose = "smartkiosk/download-link/v1";
    private const int TagLength = 16;

    public DownloadLink Create(Guid copyId)
    {
        var expires = time.GetUtcNow() + options.Value.Lifetime;
        var body = new byte[16 + 8];
        copyId.TryWriteBytes(body.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), expires.ToUnixTimeSeconds());
        var token = Base64Url([.. body, .. Tag(body, keys.CurrentKeyId)]) + "." + keys.CurrentKeyId;
        return new DownloadLink($"{issuance.Value.PublicBaseUrl.TrimEnd('/')}/d/{token}", expires);
    }

    /// <summary>The copy a token names, or null when it was tampered with or has expired.</summary>
    public Guid? Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || token.Length > 200)
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Pad(token[..dot].Replace('-', '+').Replace('_', '/')));
        }
        catch (FormatException)
        {
            return null;
        }
        var keyId = token[(dot + 1)..];
        if (bytes.Length != 24 + TagLength || keys.Find(keyId) is null
            || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(24), Tag(bytes.AsSpan(0, 24).ToArray(), keyId)))
        {
            return null;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16, 8)));
        return expires < time.GetUtcNow() ? null : new Guid(bytes.AsSpan(0, 16), bigEndian: true);
    }

    private byte[] Tag(byte[] body, string keyId)
    {
        return HMACSHA256.HashData(keys.Derive(keyId, Purpose)!, body).AsSpan(0, TagLength).ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string text) => text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
}

public sealed record DownloadLink(string Url, DateTimeOffset ExpiresAt);

using System.Globalization;
using System.Text;

namespace SmartKiosk.KioskGateway.Security;

/// <summary>
/// The kiosk request signature (documented in docs/kiosk-api.md). A kiosk signs
/// <c>METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n CONTENT-SHA256</c> with its HMAC-SHA256 secret or
/// its ECDSA P-256 key and sends
/// <c>Authorization: SK1-HMAC-SHA256 Credential=&lt;key id&gt;, Signature=&lt;base64&gt;</c> (or
/// <c>SK1-ECDSA-P256</c>) with the <c>X-SK-Timestamp</c> (Unix seconds), <c>X-SK-Nonce</c> and
/// <c>X-SK-Content-SHA256</c> (hex of the body; of the empty string when there is none) headers.
/// </summary>
public static class KioskRequestSignature
{
    public const string HmacScheme = "SK1-HMAC-SHA256";
    public const string EcdsaScheme = "SK1-ECDSA-P256";
    public const string TimestampHeader = "X-SK-Timestamp";
    public const string NonceHeader = "X-SK-Nonce";
    public const string ContentHashHeader = "X-SK-Content-SHA256";

    /// <summary>SHA-256 of no bytes: the content hash of a request without a body.</summary>
    public const string EmptyContentHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>How far a request's timestamp may be from the gateway's clock.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static byte[] Canonical(string method, string pathAndQuery, long timestamp, string nonce, string contentHash) =>
        Encoding.UTF8.GetBytes(string.Join(
            '\n',
            method.ToUpperInvariant(),
            pathAndQuery,
            timestamp.ToString(CultureInfo.InvariantCulture),
            nonce,
            contentHash.ToLowerInvariant()));

    /// <summary>Reads <c>Credential=…, Signature=…</c> after the scheme name.</summary>
    public static (string Scheme, string KeyId, string Signature)? ParseAuthorization(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }
        var scheme = header[..space];
        string? keyId = null, signature = null;
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }
            var (name, value) = (part[..equals], part[(equals + 1)..]);
            if (name.Equals("Credential", StringComparison.OrdinalIgnoreCase))
            {
                keyId = value;
            }
            else if (name.Equals("Signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = value;
            }
        }
        return keyId is { Length: > 0 and <= 64 } && signature is { Length: > 0 and <= 200 } ? (scheme, keyId, signature) : null;
    }
}

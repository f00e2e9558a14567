using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>
/// Signs a request the way docs/kiosk-api.md specifies, written from the document rather than from the
/// gateway's code so the simulator checks the specification too:
/// HMAC-SHA256 over <c>METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nCONTENT-SHA256</c>.
/// </summary>
public sealed class RequestSigner(KioskCredential credential, TimeProvider time)
{
    private readonly byte[] _secret = Convert.FromBase64String(credential.Secret);

    /// <summary>Adds the signature headers; the body's SHA-256 is given (uploads hash the file before sending it).</summary>
    public void Sign(HttpRequestMessage request, string contentSha256)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var canonical = string.Join(
            '\n',
            request.Method.Method.ToUpperInvariant(),
            request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString,
            timestamp.ToString(CultureInfo.InvariantCulture),
            nonce,
            contentSha256);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(canonical)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SK1-HMAC-SHA256 Credential={credential.KeyId}, Signature={signature}");
        request.Headers.Add("X-SK-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-SK-Nonce", nonce);
        request.Headers.Add("X-SK-Content-SHA256", contentSha256);
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

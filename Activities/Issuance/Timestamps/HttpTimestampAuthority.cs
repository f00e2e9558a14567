using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace SmartKiosk.Activities.Issuance.Timestamps;

/// <summary>
/// A real TSA over HTTP (RFC 3161 §3.4: POST application/timestamp-query). The reply is checked
/// before it is used: status granted, our digest, our nonce, a token signed by the TSA.
/// </summary>
public sealed class HttpTimestampAuthority(HttpClient http, Uri address) : ITimestampAuthority
{
    public async Task<byte[]> TimestampAsync(byte[] sha256Digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Digest);
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7F;
        var request = Rfc3161TimestampRequest.CreateFromHash(sha256Digest, HashAlgorithmName.SHA256, requestSignerCertificates: true, nonce: nonce);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var response = await http.PostAsync(address, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new TimestampUnavailableException($"The time-stamping authority at {address} answered {(int)response.StatusCode}.");
        }
        var reply = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            var token = request.ProcessResponse(reply, out _);
            return token.AsSignedCms().Encode();
        }
        catch (CryptographicException exception)
        {
            throw new TimestampUnavailableException($"The time-stamping authority at {address} sent an unusable reply: {exception.Message}", exception);
        }
    }
}

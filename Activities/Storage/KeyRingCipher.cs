using System.Security.Cryptography;
using System.Text;

namespace SmartKiosk.Activities.Storage;

/// <summary>
/// Encrypts small secrets at rest (AES-256-GCM) with a key derived from the data key ring for one
/// purpose, so a copy of the database alone reveals none of them and a secret for one purpose cannot
/// be replayed as another's. The key id travels with the text: rotating the data key leaves older
/// secrets readable. Text: <c>keyId:base64(nonce | tag | cipher)</c>.
/// </summary>
public sealed class KeyRingCipher(BlobKeyRing keys)
{
    public string Protect(ReadOnlySpan<byte> secret, string purpose)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[secret.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(keys.DeriveCurrent(purpose), 16))
        {
            aes.Encrypt(nonce, secret, cipher, tag, Encoding.ASCII.GetBytes(purpose));
        }

        return $"{keys.CurrentKeyId}:{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    public byte[] Unprotect(string text, string purpose)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var key = separator > 0 ? keys.Derive(text[..separator], purpose) : null;
        if (key is null)
        {
            throw new CryptographicException("The secret was encrypted with a key that is not configured.");
        }

        var bytes = Convert.FromBase64String(text[(separator + 1)..]);
        var secret = new byte[bytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), secret, Encoding.ASCII.GetBytes(purpose));
        return secret;
    }
}

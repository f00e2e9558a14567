using System.Security.Cryptography;
using System.Text;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// Encrypts kiosk HMAC secrets at rest (AES-256-GCM) with a key derived from the data key ring, so a
/// copy of the database alone does not let anyone sign as a kiosk. The key id travels with the text,
/// so rotating the data key leaves older secrets readable.
/// </summary>
public sealed class DeviceSecretProtector(BlobKeyRing keys)
{
    private const string PurposeName = "smartkiosk/kiosk-device-secret/v1";
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes(PurposeName);

    public string Protect(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[secret.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(keys.DeriveCurrent(PurposeName), 16))
        {
            aes.Encrypt(nonce, secret, cipher, tag, Purpose);
        }
        return $"{keys.CurrentKeyId}:{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    public byte[] Unprotect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var key = separator > 0 ? keys.Derive(text[..separator], PurposeName) : null;
        if (key is null)
        {
            throw new CryptographicException("The kiosk secret was encrypted with a key that is not configured.");
        }
        var bytes = Convert.FromBase64String(text[(separator + 1)..]);
        var secret = new byte[bytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), secret, Purpose);
        return secret;
    }
}

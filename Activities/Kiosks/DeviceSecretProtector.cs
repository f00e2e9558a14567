using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// Encrypts kiosk HMAC secrets at rest with the data key ring (see <see cref="KeyRingCipher"/>), so a
/// copy of the database alone does not let anyone sign as a kiosk.
/// </summary>
public sealed class DeviceSecretProtector(KeyRingCipher cipher)
{
    private const string PurposeName = "smartkiosk/kiosk-device-secret/v1";

    public string Protect(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return cipher.Protect(secret, PurposeName);
    }

    public byte[] Unprotect(string text) => cipher.Unprotect(text, PurposeName);
}

using System.Security.Cryptography;
using System.Text;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Citizens;

/// <summary>
/// The pseudonymous key that links a citizen to their dossiers: an HMAC of the normalised contact
/// address with a key derived from the data key. It survives the deletion of the address itself, and
/// a copy of the database alone cannot turn it back into an address.
/// </summary>
public sealed class CitizenKeys(BlobKeyRing keys)
{
    private const string Purpose = "smartkiosk/citizen-key/v1";

    public string For(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        // The current data key: rotating it starts new links (older dossiers keep their key and are found
        // by the address while it is still stored); see docs/decisions/kiosk-dossiers.md.
        return Convert.ToHexStringLower(HMACSHA256.HashData(keys.DeriveCurrent(Purpose), Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }
}

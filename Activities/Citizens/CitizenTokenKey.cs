using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Citizens;

/// <summary>The key the citizen access tokens are signed with (HMAC-SHA256), derived from the data key so every node has it.</summary>
public sealed class CitizenTokenKey(BlobKeyRing keys)
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("smartkiosk/citizen-token/v1");

    public SymmetricSecurityKey Key { get; } = new(HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Current, 32, info: Purpose)) { KeyId = "citizen-" + keys.CurrentKeyId };
}

using Microsoft.IdentityModel.Tokens;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Citizens;

/// <summary>The key the citizen access tokens are signed with (HMAC-SHA256), derived from the data key so every node has it.</summary>
public sealed class CitizenTokenKey(BlobKeyRing keys)
{
    public SymmetricSecurityKey Key { get; } = new(keys.DeriveCurrent("smartkiosk/citizen-token/v1")) { KeyId = "citizen-" + keys.CurrentKeyId };
}

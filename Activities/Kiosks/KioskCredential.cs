namespace SmartKiosk.Activities.Kiosks;

/// <summary>A freshly issued HMAC credential: shown once, then only its encrypted form is kept.</summary>
public sealed record KioskCredential(string DeviceId, string KeyId, string Secret);

/// <summary>A one-time enrolment code for a browser kiosk, shown once to the administrator.</summary>
public sealed record KioskEnrolmentCode(string DeviceId, string Code, DateTimeOffset ExpiresAt);

/// <summary>What a kiosk registration holds, without its secret.</summary>
public sealed record KioskDevice(string Id, string Name, string AgencyId, string Branch, string Location, KioskStatus Status, KioskCredentialKind? CredentialKind, string? KeyId, DateTime CreatedAt, DateTime? LastSeenAt)
{
    public static KioskDevice From(KioskDeviceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Name, r.AgencyId, r.Branch, r.Location, r.Status, r.CredentialKind, r.KeyId, r.CreatedAt, r.LastSeenAt);
    }
}

/// <summary>Registration details an administrator enters.</summary>
public sealed record KioskRegistration(string Id, string Name, string AgencyId, string Branch, string Location);

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// The registered kiosks and their credentials: registration, HMAC secrets (shown once), one-time
/// enrolment codes for browser kiosks, disabling, and the request nonces that stop replays.
/// Every change is audited on the kiosk's own chain.
/// </summary>
public sealed partial class KioskRegistry(DossierDbContextFactory factory, DeviceSecretProtector protector, IAuditLog audit, TimeProvider time)
{
    public const string AuditSubject = "kiosk";
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    public async Task<KioskDevice> RegisterAsync(KioskRegistration registration, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (!DeviceId().IsMatch(registration.Id))
        {
            throw new KioskRegistryException("invalid-id", "A kiosk id is 3–64 lower-case letters, digits or dashes.");
        }
        if (string.IsNullOrWhiteSpace(registration.Name) || string.IsNullOrWhiteSpace(registration.AgencyId))
        {
            throw new KioskRegistryException("missing-field", "A kiosk needs a name and an agency.");
        }

        await using var db = factory.Create();
        if (await db.KioskDevices.AnyAsync(k => k.Id == registration.Id, cancellationToken))
        {
            throw new KioskRegistryException("duplicate", $"Kiosk '{registration.Id}' is already registered.");
        }
        var record = new KioskDeviceRecord
        {
            Id = registration.Id,
            Name = registration.Name.Trim(),
            AgencyId = registration.AgencyId.Trim(),
            Branch = registration.Branch.Trim(),
            Location = registration.Location.Trim(),
            Status = KioskStatus.Active,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.KioskDevices.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(record.Id, "registered", actor, new JsonObject { ["agencyId"] = record.AgencyId, ["branch"] = record.Branch }, cancellationToken);
        return KioskDevice.From(record);
    }

    public async Task<IReadOnlyList<KioskDevice>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var records = await db.KioskDevices.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. records.Select(KioskDevice.From)];
    }

    public async Task<KioskDeviceRecord?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.KioskDevices.AsNoTracking().SingleOrDefaultAsync(k => k.Id == deviceId, cancellationToken);
    }

    public async Task<KioskDeviceRecord?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.KioskDevices.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
    }

    /// <summary>A new HMAC credential; the previous one (HMAC or enrolled key) stops working at once.</summary>
    public async Task<KioskCredential> IssueSecretAsync(string deviceId, string actor, CancellationToken cancellationToken)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var keyId = NewKeyId();
        await ChangeAsync(deviceId, k =>
        {
            k.KeyId = keyId;
            k.CredentialKind = KioskCredentialKind.Hmac;
            k.ProtectedSecret = protector.Protect(secret);
            k.PublicKey = null;
            k.CredentialIssuedAt = time.GetUtcNow().UtcDateTime;
        }, cancellationToken);
        await AuditAsync(deviceId, "credential-issued", actor, new JsonObject { ["keyId"] = keyId, ["kind"] = nameof(KioskCredentialKind.Hmac) }, cancellationToken);
        return new KioskCredential(deviceId, keyId, Convert.ToBase64String(secret));
    }

    /// <summary>A one-time code for enrolling a browser kiosk; only its hash is stored.</summary>
    public async Task<KioskEnrolmentCode> IssueEnrolmentCodeAsync(string deviceId, TimeSpan validFor, string actor, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        if (!await db.KioskDevices.AnyAsync(k => k.Id == deviceId, cancellationToken))
        {
            throw new KioskRegistryException("not-found", $"Kiosk '{deviceId}' is not registered.");
        }
        var code = CheckSymbol.New(12);
        var expires = time.GetUtcNow() + validFor;
        db.KioskEnrolments.Add(new KioskEnrolmentRecord { CodeHash = Hash(code), DeviceId = deviceId, ExpiresAt = expires.UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(deviceId, "enrolment-code-issued", actor, new JsonObject { ["expiresAt"] = expires }, cancellationToken);
        return new KioskEnrolmentCode(deviceId, CheckSymbol.Format(code), expires);
    }

    /// <summary>
    /// A browser kiosk trades a one-time code for registering its public key (ECDSA P-256, SPKI): the
    /// private key was made non-extractable in the browser and never leaves it.
    /// </summary>
    public async Task<KioskDevice> EnrolAsync(string code, string publicKeySpki, CancellationToken cancellationToken)
    {
        var normalized = CheckSymbol.Normalize(code, 12) ?? throw new KioskRegistryException("invalid-code", "The enrolment code is not valid.");
        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(publicKeySpki);
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out _);
            if (key.KeySize != 256)
            {
                throw new KioskRegistryException("invalid-key", "The kiosk key must be an ECDSA P-256 public key.");
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new KioskRegistryException("invalid-key", "The kiosk key must be an ECDSA P-256 public key (SubjectPublicKeyInfo, base64).");
        }

        await using var db = factory.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var hash = Hash(normalized);
        // Used and unexpired in one statement, so two browsers racing with the same code cannot both win.
        var claimed = await db.KioskEnrolments
            .Where(e => e.CodeHash == hash && e.UsedAt == null && e.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            throw new KioskRegistryException("invalid-code", "The enrolment code is not valid, was used already or has expired.");
        }
        var deviceId = await db.KioskEnrolments.Where(e => e.CodeHash == hash).Select(e => e.DeviceId).SingleAsync(cancellationToken);
        var keyId = NewKeyId();
        var record = await ChangeAsync(deviceId, k =>
        {
            k.KeyId = keyId;
            k.CredentialKind = KioskCredentialKind.EcdsaP256;
            k.PublicKey = Convert.ToBase64String(spki);
            k.ProtectedSecret = null;
            k.CredentialIssuedAt = now;
        }, cancellationToken);
        await AuditAsync(deviceId, "enrolled", "kiosk:" + deviceId, new JsonObject { ["keyId"] = keyId, ["kind"] = nameof(KioskCredentialKind.EcdsaP256) }, cancellationToken);
        return KioskDevice.From(record);
    }

    public async Task<KioskDevice> SetStatusAsync(string deviceId, KioskStatus status, string actor, CancellationToken cancellationToken)
    {
        var record = await ChangeAsync(deviceId, k => k.Status = status, cancellationToken);
        await AuditAsync(deviceId, status == KioskStatus.Disabled ? "disabled" : "enabled", actor, null, cancellationToken);
        return KioskDevice.From(record);
    }

    public byte[] SecretOf(KioskDeviceRecord device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return protector.Unprotect(device.ProtectedSecret ?? throw new InvalidOperationException($"Kiosk '{device.Id}' has no HMAC secret."));
    }

    /// <summary>Records a request nonce; false when the device used it before (a replay).</summary>
    public async Task<bool> TryUseNonceAsync(string deviceId, string nonce, DateTime keepUntil, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        db.KioskNonces.Add(new KioskNonceRecord { DeviceId = deviceId, Nonce = nonce, ExpiresAt = keepUntil });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Notes that the kiosk was heard from (at most once a minute, to keep writes low).</summary>
    public async Task TouchAsync(KioskDeviceRecord device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var now = time.GetUtcNow().UtcDateTime;
        if (device.LastSeenAt is { } seen && now - seen < SeenResolution)
        {
            return;
        }
        await using var db = factory.Create();
        await db.KioskDevices.Where(k => k.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastSeenAt, now), cancellationToken);
    }

    /// <summary>Deletes nonces whose timestamps are out of the window anyway; returns how many.</summary>
    public async Task<int> PruneNoncesAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.KioskNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<KioskDeviceRecord> ChangeAsync(string deviceId, Action<KioskDeviceRecord> change, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var record = await db.KioskDevices.SingleOrDefaultAsync(k => k.Id == deviceId, cancellationToken)
            ?? throw new KioskRegistryException("not-found", $"Kiosk '{deviceId}' is not registered.");
        change(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private async Task AuditAsync(string deviceId, string action, string actor, JsonObject? data, CancellationToken cancellationToken) =>
        await audit.AppendAsync(new AuditEvent(AuditSubject, deviceId, action, actor, data), cancellationToken);

    private static string NewKeyId() => "kk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex DeviceId();
}

/// <summary>A registry operation refused, with a stable code for the API's problem details.</summary>
public sealed class KioskRegistryException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Dispatch;

namespace SmartKiosk.Activities.Citizens;

/// <summary>
/// Passwordless sign-in for the citizen app on the embedded default: a one-time code to the address the
/// citizen gave at a kiosk, traded for a short access token and a rotating refresh token. In production
/// VNeID's tokens take the place of the code (docs/decisions/kiosk-dossiers.md).
/// </summary>
public sealed class CitizenAuthService(
    DossierDbContextFactory factory,
    CitizenKeys citizenKeys,
    CitizenTokenKey tokenKey,
    WorkQueue queue,
    Kiosks.DeviceSecretProtector protector,
    IOptions<CitizenTokenOptions> options,
    TimeProvider time,
    ILogger<CitizenAuthService> logger)
{
    public const string SignInCodeTopic = "delivery.sign-in-code";
    public const string CitizenClaim = "citizen";

    /// <summary>
    /// Sends a code when the address belongs to a dossier; answers the same either way, so nobody learns
    /// from it whether an address is known.
    /// </summary>
    public async Task RequestCodeAsync(string email, CancellationToken cancellationToken)
    {
        var key = citizenKeys.For(email);
        await using var db = factory.Create();
        if (!await db.Dossiers.AnyAsync(d => d.CitizenKey == key, cancellationToken))
        {
            logger.LogInformation("Citizen sign-in asked for an address without dossiers");
            return;
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        var signIn = new CitizenSignInRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CitizenKey = key,
            CodeHash = Hash(key + ":" + code),
            Email = email.Trim(),
            CreatedAt = now,
            ExpiresAt = now + options.Value.CodeLifetime,
        };
        db.CitizenSignIns.Add(signIn);
        await db.SaveChangesAsync(cancellationToken);
        // The code rides in the outbox row encrypted with the data key: the database alone does not reveal it.
        await queue.EnqueueAsync(SignInCodeTopic, new JsonObject { ["signInId"] = signIn.Id.ToString(), ["code"] = protector.Protect(Encoding.ASCII.GetBytes(code)) }, cancellationToken);
    }

    /// <summary>Trades a valid code for tokens; null when the code is wrong, used, expired or tried too often.</summary>
    public async Task<CitizenTokens?> SignInAsync(string email, string code, CancellationToken cancellationToken)
    {
        var key = citizenKeys.For(email);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.Create();
        var open = await db.CitizenSignIns
            .Where(s => s.CitizenKey == key && s.UsedAt == null && s.ExpiresAt > now && s.Attempts < options.Value.CodeAttempts)
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(open.CodeHash), Encoding.ASCII.GetBytes(Hash(key + ":" + (code ?? "").Trim()))))
        {
            open.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        // Used in one conditional update, so the same code cannot sign in twice at once.
        var used = await db.CitizenSignIns.Where(s => s.Id == open.Id && s.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now).SetProperty(x => x.Email, (string?)null), cancellationToken);
        return used == 1 ? await IssueAsync(db, key, Guid.NewGuid(), cancellationToken) : null;
    }

    /// <summary>The next tokens of a refresh token's family; a spent token used again revokes the family.</summary>
    public async Task<CitizenTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken ?? "");
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.Create();
        var token = await db.CitizenRefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }
        var spent = await db.CitizenRefreshTokens.Where(t => t.TokenHash == hash && t.SpentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpentAt, now), cancellationToken);
        if (spent != 1)
        {
            logger.LogWarning("A spent citizen refresh token was used again; its family {FamilyId} is revoked", token.FamilyId);
            await db.CitizenRefreshTokens.Where(t => t.FamilyId == token.FamilyId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            return null;
        }
        return await IssueAsync(db, token.CitizenKey, token.FamilyId, cancellationToken);
    }

    /// <summary>The address of a pending sign-in, for the outbox worker (null once used or expired).</summary>
    public async Task<string?> AddressOfAsync(Guid signInId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.CitizenSignIns.AsNoTracking().Where(s => s.Id == signInId && s.UsedAt == null && s.ExpiresAt > now).Select(s => s.Email).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<CitizenTokens> IssueAsync(DossierDbContext db, string citizenKey, Guid family, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.CitizenRefreshTokens.Add(new CitizenRefreshTokenRecord
        {
            TokenHash = Hash(refresh),
            FamilyId = family,
            CitizenKey = citizenKey,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + settings.RefreshTokenLifetime).UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = CitizenTokenOptions.Issuer,
            Audience = CitizenTokenOptions.Audience,
            Subject = new ClaimsIdentity([new Claim(CitizenClaim, citizenKey)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(tokenKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new CitizenTokens(access, refresh, (int)settings.AccessTokenLifetime.TotalSeconds);
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>What the token endpoint answers (OAuth 2.0 field names).</summary>
public sealed record CitizenTokens(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string RefreshToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn)
{
    [System.Text.Json.Serialization.JsonPropertyName("token_type")]
    public string TokenType => "Bearer";
}

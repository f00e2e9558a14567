using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.KioskGateway.Problems;

namespace SmartKiosk.KioskGateway.Security;

/// <summary>
/// Authenticates kiosk devices by their signed requests (<see cref="KioskRequestSignature"/>): a known,
/// active credential; a timestamp inside the window; a signature over method, path, timestamp, nonce
/// and body hash; a body that matches its hash; a nonce never seen before. The device is read on
/// every request, so disabling a kiosk takes effect at once.
/// </summary>
public sealed class KioskDeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KioskRegistry registry,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KioskDevice";

    /// <summary>Bodies checked here are JSON commands; images go through <see cref="StreamedBodyAttribute"/> endpoints.</summary>
    public const int MaxBufferedBody = 256 * 1024;

    private const string FailureKey = "kiosk-auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KioskRequestSignature.ParseAuthorization(Request.Headers.Authorization) is not { } authorization)
        {
            return Request.Headers.Authorization.Count == 0 ? AuthenticateResult.NoResult() : Fail(KioskProblem.Unsigned);
        }
        if (authorization.Scheme is not (KioskRequestSignature.HmacScheme or KioskRequestSignature.EcdsaScheme))
        {
            return Fail(KioskProblem.Unsigned);
        }

        var nonce = Request.Headers[KioskRequestSignature.NonceHeader].ToString();
        var contentHash = Request.Headers[KioskRequestSignature.ContentHashHeader].ToString().ToLowerInvariant();
        if (!long.TryParse(Request.Headers[KioskRequestSignature.TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || nonce.Length is < 16 or > 64 || !nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || contentHash.Length != 64 || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            return Fail(KioskProblem.Unsigned);
        }

        var now = time.GetUtcNow();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799));
        if ((now - signedAt).Duration() > KioskRequestSignature.Window)
        {
            return Fail(KioskProblem.Expired);
        }

        var device = await registry.FindByKeyIdAsync(authorization.KeyId, Context.RequestAborted);
        if (device is null)
        {
            return Fail(KioskProblem.UnknownCredential);
        }

        var canonical = KioskRequestSignature.Canonical(Request.Method, Request.Path.ToUriComponent() + Request.QueryString.ToUriComponent(), timestamp, nonce, contentHash);
        if (!SignatureHolds(device, authorization.Scheme, authorization.Signature, canonical))
        {
            return Fail(KioskProblem.BadSignature);
        }
        if (device.Status != KioskStatus.Active)
        {
            return Fail(KioskProblem.DeviceDisabled);
        }

        if (Context.GetEndpoint()?.Metadata.GetMetadata<StreamedBodyAttribute>() is null
            && !await BodyMatchesAsync(contentHash))
        {
            return Fail(KioskProblem.BadSignature);
        }

        // Last, so a forged request cannot use up a genuine kiosk's nonces.
        if (!await registry.TryUseNonceAsync(device.Id, nonce, (signedAt + KioskRequestSignature.Window).UtcDateTime, Context.RequestAborted))
        {
            return Fail(KioskProblem.Replayed);
        }

        await registry.TouchAsync(device, Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, device.Id),
                new Claim(ClaimTypes.Name, "kiosk:" + device.Id),
                new Claim(KioskClaims.DeviceId, device.Id),
                new Claim(KioskClaims.AgencyId, device.AgencyId),
                new Claim(KioskClaims.ContentHash, contentHash),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var problem = Context.Items[FailureKey] as KioskProblem? ?? KioskProblem.Unsigned;
        await KioskProblems.WriteAsync(Context, problem, StatusCodes.Status401Unauthorized);
    }

    private AuthenticateResult Fail(KioskProblem problem)
    {
        Context.Items[FailureKey] = problem;
        Logger.LogWarning("Kiosk request refused: {Reason} {Method} {Path}", problem, Request.Method, Request.Path);
        return AuthenticateResult.Fail(problem.ToString());
    }

    private bool SignatureHolds(KioskDeviceRecord device, string scheme, string signatureText, byte[] canonical)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return false;
        }

        switch (device.CredentialKind)
        {
            case KioskCredentialKind.Hmac when scheme == KioskRequestSignature.HmacScheme:
                var expected = HMACSHA256.HashData(registry.SecretOf(device), canonical);
                return CryptographicOperations.FixedTimeEquals(expected, signature);
            case KioskCredentialKind.EcdsaP256 when scheme == KioskRequestSignature.EcdsaScheme && device.PublicKey is not null:
                using (var key = ECDsa.Create())
                {
                    key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(device.PublicKey), out _);
                    // WebCrypto signs in the IEEE P1363 form (r ‖ s), not DER.
                    return key.VerifyData(canonical, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
            default:
                return false;
        }
    }

    private async Task<bool> BodyMatchesAsync(string contentHash)
    {
        if (Request.ContentLength > MaxBufferedBody)
        {
            return false;
        }
        Request.EnableBuffering(MaxBufferedBody);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await Request.Body.ReadAsync(buffer, Context.RequestAborted)) > 0)
        {
            total += read;
            if (total > MaxBufferedBody)
            {
                return false;
            }
            sha.AppendData(buffer, 0, read);
        }
        Request.Body.Position = 0;
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(contentHash), sha.GetHashAndReset());
    }
}

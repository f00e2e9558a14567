using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmartKiosk.KioskGateway.Security;

/// <summary>
/// The gateway's authentication scheme for kiosk devices. Per-device credentials (signed requests,
/// enrolment) arrive with the kiosk API; until a device registry exists this handler authenticates
/// no one, so every non-public endpoint answers 401 — deny by default, never open by default.
/// </summary>
public sealed class KioskDeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KioskDevice";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers.Authorization.Count == 0
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Fail("Unknown kiosk device credential."));
}

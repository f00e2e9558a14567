using System.Security.Claims;

namespace SmartKiosk.KioskGateway.Security;

/// <summary>The claims of an authenticated kiosk device.</summary>
public static class KioskClaims
{
    public const string DeviceId = "kiosk:device";
    public const string AgencyId = "kiosk:agency";
    public const string ContentHash = "kiosk:content-sha256";

    public static string DeviceIdOf(this ClaimsPrincipal user) =>
        user?.FindFirstValue(DeviceId) ?? throw new InvalidOperationException("Not a kiosk device.");

    public static string AgencyIdOf(this ClaimsPrincipal user) =>
        user?.FindFirstValue(AgencyId) ?? throw new InvalidOperationException("Not a kiosk device.");

    /// <summary>The body hash the kiosk signed, for endpoints that check a streamed body themselves.</summary>
    public static string SignedContentHashOf(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ContentHash) ?? throw new InvalidOperationException("Not a kiosk device.");
}

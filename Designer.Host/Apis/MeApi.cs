using System.Security.Claims;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>The signed-in user; any authenticated account may ask.</summary>
public static class MeApi
{
    public static RouteHandlerBuilder MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
            user.Identity?.Name ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)])))
        .WithTags("Account");
}

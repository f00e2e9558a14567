using System.Security.Claims;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>The signed-in user; any authenticated account may ask.</summary>
public static class MeApi
{
    public static RouteHandlerBuilder MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", (ClaimsPrincipal user) =>
            {
                var actor = BackOfficeActor.From(user);
                return TypedResults.Ok(new MeResponse(actor.UserName, actor.Roles, actor.FullName, actor.AgencyId, actor.OfficerId));
            })
        .WithTags("Account");
}

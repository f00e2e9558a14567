using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>The activity descriptors: the designer's toolbox and property panel.</summary>
public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(Policies.Oversee);
        group.MapGet("/", (IActivityRegistry registry) => TypedResults.Ok(registry.All));
        return group;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.KioskGateway.Security;
using SmartKiosk.KioskGateway.Verification;

namespace SmartKiosk.KioskGateway.Extensions;

/// <summary>The gateway's composition root.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSmartKioskCore(builder.Configuration);
        services.AddAuthentication(KioskDeviceAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KioskDeviceAuthenticationHandler>(KioskDeviceAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(KioskDeviceAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddPublicVerification(builder.Configuration);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapPublicVerification();

        // The kiosk API's contract is public, so a native kiosk client can be built against it.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using SmartKiosk.Activities.Dossiers;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Hosting.Observability;
using SmartKiosk.Activities.Settings;
using SmartKiosk.KioskGateway.Citizens;
using SmartKiosk.KioskGateway.Delivery;
using SmartKiosk.KioskGateway.Hosting;
using SmartKiosk.KioskGateway.Kiosk;
using SmartKiosk.KioskGateway.Payments;
using SmartKiosk.KioskGateway.Screen;
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
        builder.AddSavedSettings();
        services.AddSmartKioskTelemetry(builder.Configuration, "smartkiosk-gateway")
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health")).AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter());
        var authentication = services.AddAuthentication(KioskDeviceAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KioskDeviceAuthenticationHandler>(KioskDeviceAuthenticationHandler.SchemeName, null);
        services.AddCitizenAuthentication(authentication);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(KioskDeviceAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddPublicVerification(builder.Configuration);
        services.AddOpenApi();
        services.AddSingleton<DossierViews>();
        services.AddHostedService<GatewayStartup>();
        services.AddHostedService<DossierRetentionService>();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKioskScreen();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Prometheus scrapes /metrics with the configured token, or from this machine when none is set.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase), metrics => metrics.Use(async (context, next) =>
        {
            if (!context.RequestServices.GetRequiredService<MetricsScrapeAccess>().Allows(context.Request.Headers.Authorization, context.Connection.RemoteIpAddress))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Metrics need the scrape token").ExecuteAsync(context);
                return;
            }
            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

        // Live: the process answers (no checks; a restart would not help a database outage). Ready: every check
        // passes or is degraded (mail down still serves). /health is ready's older name, kept for existing probes.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapPublicVerification();
        app.MapStatusLookup();
        app.MapDownloads();
        app.MapKioskEnrolment();
        app.MapKioskApi();
        app.MapSandboxWallet();
        app.MapCitizenApi();

        // The kiosk API's contract is public, so a native kiosk client can be built against it.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}

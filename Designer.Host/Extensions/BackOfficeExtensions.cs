using Microsoft.AspNetCore.DataProtection;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Hosting.Observability;
using SmartKiosk.Activities.Settings;
using SmartKiosk.Designer.Host.Apis;
using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Instances;
using SmartKiosk.Designer.Host.Problems;
using MudBlazor.Services;
using SmartKiosk.Designer.Host.Review;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Designer.Host.Extensions;

/// <summary>The back office's composition root: reads as the table of contents of the host.</summary>
public static class BackOfficeExtensions
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSmartKioskCore(builder.Configuration);
        builder.AddSavedSettings();
        services.AddSmartKioskTelemetry(builder.Configuration, "smartkiosk-backoffice")
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health")).AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter());
        // One key ring for every replica (the data folder is a shared volume): a sign-in cookie or an antiforgery
        // token made by one back-office node is read by the others, and survives a restart.
        services.AddDataProtection()
            .SetApplicationName("SmartKiosk.BackOffice")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolderOptions.Resolve(builder.Configuration), "keys", "data-protection")));
        services.AddIdentityStore(builder.Configuration);
        services.AddBackOfficeAuthentication();

        services.AddLocalization();

        // Vietnamese text is written as text, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization();
        // The workspace screens: Blazor on the server (one live connection per screen) with MudBlazor's components.
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SecurityStampRevalidator>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddReview();
        services.AddFlows();
        return builder;
    }

    public static WebApplication UseBackOffice(this WebApplication app)
    {
        // Localisation first, so problem details written by the exception handler are in the caller's language.
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

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
        app.MapStaticAssets();
        app.MapCultureSwitch();
        app.MapOpenApi().RequireAuthorization(Policies.Oversee);
        app.MapRazorPages();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapMeApi();
        app.MapActivitiesApi();
        app.MapDefinitionsApi();
        app.MapExpressionsApi();
        app.MapInstancesApi();
        app.MapTasksApi();
        app.MapReviewApi();
        app.MapCalendarApi();
        app.MapAuditApi();
        app.MapCopiesApi();
        app.MapKiosksApi();
        app.MapReportsApi();
        return app;
    }

    /// <summary>
    /// Switches the language for good (a cookie), for the screens that stay connected as well as for the pages;
    /// open to everyone, as the sign-in page offers it. Only local return addresses are followed.
    /// </summary>
    private static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (Cultures.All(c => c.Name != culture))
            {
                return Results.BadRequest();
            }
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            // Only a plain path of this site: anything else (another host, "//", "/\\", escapes, controls) goes home.
            var local = returnUrl is { Length: > 0 and < 2000 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
                && url.All(c => char.IsAsciiLetterOrDigit(c) || "/-_.?=&".Contains(c, StringComparison.Ordinal));
            return Results.LocalRedirect(local ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The designer's services: everything the workflow screens need beyond the engine's store.</summary>
    private static void AddFlows(this IServiceCollection services)
    {
        services.AddSingleton<ExpressionTester>();
        services.AddSingleton<InstanceInspector>();
    }

    private static void AddReview(this IServiceCollection services)
    {
        services.AddSingleton<TaskInbox>();
        services.AddScoped<DossierReviewReader>();
        services.AddScoped<ReviewDecisions>();
        services.AddScoped<Reauthentication>();
        services.AddScoped<TaskAssignment>();
        services.AddSingleton<DueSoonNotifier>();
        services.AddScoped<Reports.DashboardReader>();
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<Reports.ReportText>();
        services.AddHostedService<DueSoonNotifierWorker>();
    }

    private static void AddIdentityStore(this IServiceCollection services, IConfiguration configuration)
    {
        // The same database as the engine, resolved the same way; its own migrations history.
        var persistence = PersistenceSettings.Resolve(configuration);
        if (persistence.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<BackOfficeIdentityDbContext, PostgreSqlBackOfficeIdentityDbContext>(o =>
                o.UseNpgsql(persistence.ConnectionString, x => x.MigrationsHistoryTable(BackOfficeIdentityDbContext.MigrationsHistoryTable)));
        }
        else
        {
            services.AddDbContext<BackOfficeIdentityDbContext, SqliteBackOfficeIdentityDbContext>(o =>
                o.UseSqlite(SqliteConnectionStrings.Normalize(persistence.ConnectionString), x => x.MigrationsHistoryTable(BackOfficeIdentityDbContext.MigrationsHistoryTable)));
        }

        services.AddIdentity<BackOfficeUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<BackOfficeIdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<BackOfficeClaimsPrincipalFactory>();

        services.AddHostedService<AccountSeeder>();
    }

    private static void AddBackOfficeAuthentication(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "SmartKiosk.BackOffice";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // An API caller gets a status code, never a login page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Oversee, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.WorkTasks, p => p.RequireRole(Roles.Admin, Roles.Clerk))
            .AddPolicy(Policies.ReadTasks, p => p.RequireRole(Roles.Admin, Roles.Clerk, Roles.Auditor));
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

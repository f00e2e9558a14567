using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace SmartKiosk.KioskGateway.Screen;

/// <summary>
/// Serves the kiosk touch screen (<c>wwwroot/kiosk</c>): a static app that uses only the public kiosk
/// API. It is public — a browser kiosk proves itself with its enrolled key on every API call, not to
/// load the page — and locked down: scripts, styles and connections only from this origin, the camera
/// only for this origin, never framed.
/// </summary>
public static class KioskScreenHosting
{
    public const string Path = "/kiosk";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication UseKioskScreen(this WebApplication app)
    {
        // Before authentication: the files are public, and the fallback policy must not ask a browser to sign for them.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path, out var rest))
            {
                if (!rest.HasValue)
                {
                    context.Response.Redirect(Path + "/", permanent: false);
                    return;
                }
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.XFrameOptions] = "DENY";
            }
            await next(context);
        });
        // wwwroot holds only the screen (wwwroot/kiosk), so the web root's files are the screen's.
        app.UseDefaultFiles();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            // The screen updates with the gateway: revalidate rather than run yesterday's script against today's API.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}

using Microsoft.Extensions.FileProviders;

namespace Picket.Server.Map;

/// <summary>
/// Serves the live map: the page built from <c>Map/web</c> (copied beside the server as
/// <c>map/</c>) at <c>/map/</c>, and its feed at <c>/map/events</c>. Browsers speak HTTP/1.1 (or
/// HTTP/2 over TLS), so the page is reachable on <c>Listen:Http1Port</c> and, with TLS, on the
/// main port; the cleartext main port is HTTP/2 with prior knowledge only.
/// </summary>
public static class MapEndpoints
{
    /// <summary>Where the page is served.</summary>
    public const string Path = "/map";

    /// <summary>The folder holding the built page, beside the server's assembly.</summary>
    public static string PageDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "map");

    /// <summary>Adds the page's static files and its feed to <paramref name="app"/>.</summary>
    /// <returns>False when the page was not built (the server was built without npm); the feed is served all the same.</returns>
    public static bool Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The page's relative links need the trailing slash. (Routing ignores a trailing slash,
        // so this is middleware rather than an endpoint for "/map".)
        app.Use(next => context =>
        {
            if (context.Request.Path.Value == Path)
            {
                context.Response.Redirect(Path + "/" + context.Request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.MapGet(Path + "/events", MapFeedEndpoint.HandleAsync);
        if (!File.Exists(System.IO.Path.Combine(PageDirectory, "index.html")))
        {
            return false;
        }

        var files = new PhysicalFileProvider(PageDirectory);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = static file =>
            {
                var headers = file.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                // Everything the page needs is its own: no tile server, no CDN. Leaflet positions
                // its layers with inline styles.
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return true;
    }
}

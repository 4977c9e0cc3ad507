using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Picket.Server.Configuration;
using Picket.Server.Feed;
using Picket.Server.Metrics;
using Picket.Server.Security;
using Picket.Server.Storage;

namespace Picket.Server.Map;

/// <summary>
/// <c>GET /map/events</c>: the feed for the map page as Server-Sent Events over HTTP/1.1. The
/// caller is authenticated exactly as a TrackFeed subscriber (consumer role; bearer token in the
/// Authorization header, a client certificate, or anyone on an anonymous loopback server); no
/// credential gives 401, a gateway's or a revoked one 403. It then gets the map settings, the
/// known mast sites, the track snapshot, <c>ready</c>, and the live tracks and alerts. A page
/// that falls behind is cut off like any slow feed consumer and reconnects.
/// </summary>
internal static class MapFeedEndpoint
{
    // Idle connections get a comment this often, so that a dead one is found and proxies keep it open.
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    // Events are sent in one write when this much has accumulated, or when the queue is empty.
    private const int FlushBytes = 32 * 1024;

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var authenticator = services.GetRequiredService<CallerAuthenticator>();
        var settings = services.GetRequiredService<ServerSettings>();
        var metrics = services.GetRequiredService<ServerMetrics>();
        var hub = services.GetRequiredService<FeedHub>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Picket.Server.Map");
        // Ends with the page's connection, or when the server stops (rather than holding its shutdown).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var cancellationToken = stop.Token;
        CallerIdentity caller;
        try
        {
            caller = authenticator.Authenticate(context, CallerRole.Consumer);
            await StorageCalls.EnsureReadyAsync(services.GetRequiredService<IBatchStore>(), settings.StoreReadyTimeout, metrics, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            // The reason is the authenticator's (never the credential); the page shows it.
            context.Response.StatusCode = e.StatusCode switch
            {
                StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
                StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            if (e.StatusCode == StatusCode.Unauthenticated)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(e.Status.Detail, cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = hub.Subscribe();
        using var events = new MapEventWriter();
        var map = services.GetRequiredService<MapSettings>();
        var sites = services.GetRequiredService<MastSites>();
        var sentSites = new HashSet<string>(StringComparer.Ordinal);
        events.Config(map);
        foreach (var site in sites.All)
        {
            events.Site(site);
            sentSites.Add(site.GatewayId);
        }

        foreach (var snapshotEvent in subscription.Snapshot)
        {
            events.Write(snapshotEvent);
        }

        events.Ready(subscription.Snapshot.Count);
        try
        {
            await SendAsync(context, events, cancellationToken).ConfigureAwait(false);
            var reader = subscription.Events;
            while (true)
            {
                while (reader.TryRead(out var feedEvent))
                {
                    // A gateway that said Hello after this page connected: its mast appears with its first event.
                    if (!sentSites.Contains(feedEvent.GatewayId) && sites.TryGet(feedEvent.GatewayId, out var site))
                    {
                        events.Site(site);
                        sentSites.Add(site.GatewayId);
                    }

                    events.Write(feedEvent);
                    if (events.Pending.Length >= FlushBytes)
                    {
                        await SendAsync(context, events, cancellationToken).ConfigureAwait(false);
                    }
                }

                await SendAsync(context, events, cancellationToken).ConfigureAwait(false);
                var wait = reader.WaitToReadAsync(cancellationToken).AsTask();
                while (await Task.WhenAny(wait, Task.Delay(KeepAliveInterval, cancellationToken)).ConfigureAwait(false) != wait)
                {
                    events.KeepAlive();
                    await SendAsync(context, events, cancellationToken).ConfigureAwait(false);
                }

                if (!await wait.ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (SlowConsumerException)
        {
            // The response just ends; the page reconnects and starts again from a snapshot.
            Log.SubscriberTooSlow(logger, caller.DisplayName, hub.SubscriberQueueCapacity);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    private static async Task SendAsync(HttpContext context, MapEventWriter events, CancellationToken cancellationToken)
    {
        if (events.Pending.Length > 0)
        {
            await context.Response.Body.WriteAsync(events.Pending, cancellationToken).ConfigureAwait(false);
            events.Clear();
        }

        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

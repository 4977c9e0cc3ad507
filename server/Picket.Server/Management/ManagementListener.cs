using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Picket.Server.Metrics;

namespace Picket.Server.Management;

/// <summary>
/// The loopback HTTP/1.1 listener for operators (<c>Management:Port</c>): <c>/metrics</c> in
/// Prometheus text and <c>/healthz</c>, scrapable by Prometheus and curl, which do not speak
/// the gRPC port's cleartext HTTP/2. Those paths answer on this listener only, so they are
/// never exposed on the gateways' port.
/// </summary>
public sealed class ManagementListener
{
    private const string ConnectionMarker = "picket.management";
    private ListenOptions? _listen;

    /// <summary>The bound loopback endpoint once the server has started, or null when the listener is off.</summary>
    public IPEndPoint? EndPoint => _listen?.EndPoint as IPEndPoint;

    /// <summary>Adds the listener to Kestrel and marks its connections.</summary>
    internal void Listen(KestrelServerOptions kestrel, int port)
    {
        kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(next => connection =>
            {
                connection.Items[ConnectionMarker] = true;
                return next(connection);
            });
            _listen = listen;
        });
    }

    /// <summary>Maps <c>/metrics</c> and <c>/healthz</c>, answering 404 on any other listener.</summary>
    internal static void Map(WebApplication app)
    {
        app.MapGet("/metrics", (HttpContext context, ServerMetrics metrics) =>
            IsManagement(context) ? Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8") : Results.NotFound());
        app.MapGet("/healthz", async (HttpContext context, HealthCheckService health) =>
        {
            if (!IsManagement(context))
            {
                return Results.NotFound();
            }

            var report = await health.CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
            if (report.Status == HealthStatus.Healthy)
            {
                return Results.Text("SERVING\n", "text/plain; charset=utf-8");
            }

            var reasons = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}"));
            return Results.Text("NOT_SERVING " + reasons + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static bool IsManagement(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(ConnectionMarker) == true;
}

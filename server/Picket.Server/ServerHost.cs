using Picket.Server.Feed;
using Picket.Server.Ingest;

namespace Picket.Server;

/// <summary>
/// Builds the server's web application. Tests call <see cref="Build"/> with a hook that swaps
/// Kestrel for the in-memory TestServer; everything else is the production wiring.
/// </summary>
public static class ServerHost
{
    /// <summary>Builds the application from command-line arguments and configuration.</summary>
    /// <param name="args">Command-line arguments (ASP.NET Core configuration syntax).</param>
    /// <param name="configure">Optional changes to the builder before it is built (tests).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SequenceLedger>();
        builder.Services.AddSingleton<FeedHub>();
        configure?.Invoke(builder);

        var app = builder.Build();

        // gRPC-Web lets HTTP/1.1-only boards call PublishBatch.
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<TrackIngestService>();
        app.MapGrpcService<TrackFeedService>();
        app.MapGet("/", () => "Picket server: gRPC services picket.v1.TrackIngest and picket.v1.TrackFeed.");
        return app;
    }
}

using System.Net;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Picket.Contract.V1;
using Picket.Server.Metrics;

namespace Picket.Server.Support;

/// <summary>The real server, built by <see cref="ServerHost.Build"/>, hosted in memory by TestServer.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private ServerHarness(WebApplication app, TestServer server)
    {
        App = app;
        Server = server;
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler(), MaxSendMessageSize = null });
        WebChannel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, server.CreateHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        Ingest = new TrackIngest.TrackIngestClient(Channel);
        Feed = new TrackFeed.TrackFeedClient(Channel);
    }

    public WebApplication App { get; }

    public TestServer Server { get; }

    /// <summary>HTTP/2 gRPC.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>gRPC-Web over HTTP/1.1, as an HTTP/1.1-only board uses it.</summary>
    public GrpcChannel WebChannel { get; }

    public TrackIngest.TrackIngestClient Ingest { get; }

    public TrackFeed.TrackFeedClient Feed { get; }

    public ServerMetrics Metrics => App.Services.GetRequiredService<ServerMetrics>();

    public static async Task<ServerHarness> StartAsync(IReadOnlyDictionary<string, string?> configuration, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ServerHost.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new ServerHarness(app, app.GetTestServer());
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        WebChannel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

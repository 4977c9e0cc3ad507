using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.TestHost;

namespace Picket.Server;

/// <summary>
/// The real <c>Picket.Server</c> application hosted in memory with TestServer, and gRPC channels
/// onto it: HTTP/2 for the streaming API, gRPC-Web over HTTP/1.1 for boards without HTTP/2.
/// </summary>
public sealed class InMemoryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InMemoryServer(WebApplication app) => _app = app;

    /// <summary>The services of the running server.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the server with TestServer in place of Kestrel.</summary>
    public static async Task<InMemoryServer> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var app = ServerHost.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new InMemoryServer(app);
    }

    /// <summary>A gRPC channel over HTTP/2.</summary>
    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = _app.GetTestServer().CreateHandler() });

    /// <summary>A gRPC-Web channel over HTTP/1.1, as an HTTP/1.1-only board uses.</summary>
    public GrpcChannel CreateGrpcWebChannel()
    {
        var handler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, _app.GetTestServer().CreateHandler());
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            HttpVersion = System.Net.HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>
/// A board that only speaks HTTP/1.1 against real Kestrel on loopback with HTTP/2 switched off:
/// PublishBatch must work through gRPC-Web alone.
/// </summary>
public sealed class GrpcWebHttp11LoopbackTests
{
    [Fact]
    public async Task PublishBatch_Http11OnlyKestrel_AcksThroughGrpcWeb()
    {
        var app = ServerHost.Build([], builder =>
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1)));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new SocketsHttpHandler()),
                HttpVersion = System.Net.HttpVersion.Version11,
                HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            });
            var client = new TrackIngest.TrackIngestClient(channel);

            var ack = await client.PublishBatchAsync(new UplinkBatch { GatewayId = "board-http11", Sequence = 1 });

            Assert.Equal(1UL, ack.AckedSequence);
            Assert.False(ack.Duplicate);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

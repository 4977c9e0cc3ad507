using System.Net;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Ingest;

/// <summary>On loopback without TLS: HTTP/2 on the main port, gRPC-Web over HTTP/1.1 on <c>Listen:Http1Port</c>, on real sockets.</summary>
public sealed class PlaintextGrpcWebTests
{
    [Fact]
    public async Task PublishBatch_GrpcWebOnHttp1Port_SameLedgerAsHttp2Port()
    {
        await using var app = ServerHost.Build(["--Listen:Port", "0", "--Listen:Http1Port", "0", "--Management:Port", "off"]);
        await app.StartAsync();
        // Kestrel reports the endpoints in the order they were declared: main port, then HTTP/1.1.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        using var http2 = GrpcChannel.ForAddress(addresses[0]);
        using var http1 = GrpcChannel.ForAddress(addresses[1], new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new SocketsHttpHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var board = await new TrackIngest.TrackIngestClient(http1).PublishBatchAsync(TestBatches.Batch("gw-board", 1));
        var stream = await new TrackIngest.TrackIngestClient(http2).PublishBatchAsync(TestBatches.Batch("gw-board", 2));
        await app.StopAsync();

        Assert.Equal(2, addresses.Count);
        Assert.Equal(1UL, board.AckedSequence);
        Assert.Equal(2UL, stream.AckedSequence);
    }
}

using Grpc.Core;
using Grpc.Health.V1;
using Picket.Server.Support;

namespace Picket.Server.Storage;

/// <summary>A JetStream server that cannot be reached: calls fail fast with Unavailable and health says so.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task PublishBatch_NatsUnreachable_UnavailableAndNotServing()
    {
        // A port nothing listens on: bound and released just now.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Mode"] = "JetStream",
            ["Storage:NatsUrl"] = $"nats://127.0.0.1:{closedPort}",
            ["Storage:ReadyTimeoutSeconds"] = "1",
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-1", 1)).ResponseAsync);
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }
}

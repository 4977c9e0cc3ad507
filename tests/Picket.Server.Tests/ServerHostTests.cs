using Grpc.AspNetCore.Server;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Grpc.Reflection.V1Alpha;
using Picket.Server.Support;

namespace Picket.Server;

/// <summary>The operator surface of a running server: gRPC health, reflection (grpcurl), limits (metrics: ManagementListenerTests).</summary>
public sealed class ServerHostTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task HealthCheck_StoreReady_Serving()
    {
        var response = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_NamesTheContractAndHealth()
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("picket.v1.TrackIngest", names);
        Assert.Contains("picket.v1.TrackFeed", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task Build_KeepAliveAndSizeLimits_AppliedToKestrelAndGrpc()
    {
        await using var app = ServerHost.Build(["--Limits:KeepAlivePingSeconds", "15", "--Limits:KeepAliveTimeoutSeconds", "7", "--Limits:MaxBatchBytes", "200000"]);

        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var grpc = app.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(15), kestrel.Limits.Http2.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(7), kestrel.Limits.Http2.KeepAlivePingTimeout);
        Assert.Equal(200000, grpc.MaxReceiveMessageSize);
    }
}

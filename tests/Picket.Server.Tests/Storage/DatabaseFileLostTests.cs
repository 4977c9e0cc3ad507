using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Picket.Contract.V1;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Storage;

/// <summary>
/// Issue 12 probe 3 on a real port with a real file: deleting or replacing the SQLite database
/// under a running server turns health to NotServing and refuses acks (Unavailable), with a log
/// line and a metric, instead of acking batches into a file no restart will read.
/// </summary>
public sealed class DatabaseFileLostTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task PublishBatch_DatabaseFileDeleted_UnavailableNotServingLoggedAndCounted()
    {
        var path = _directory.File("picket.db");
        await using var server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?> { ["Storage:SqlitePath"] = path });
        using var channel = server.Channel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        var before = await ingest.PublishBatchAsync(TestBatches.Batch("gw-del", 1));

        File.Delete(path);
        var error = await Assert.ThrowsAsync<RpcException>(() => ingest.PublishBatchAsync(TestBatches.Batch("gw-del", 2)).ResponseAsync);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var (healthz, healthzBody) = await server.GetManagementAsync("/healthz");
        var (_, metrics) = await server.GetManagementAsync("/metrics");
        var resend = await Assert.ThrowsAsync<RpcException>(() => ingest.PublishBatchAsync(TestBatches.Batch("gw-del", 1)).ResponseAsync);

        Assert.Equal(1UL, before.AckedSequence);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthz);
        Assert.Contains("deleted", healthzBody, StringComparison.Ordinal);
        Assert.Contains("picket_storage_available 0\n", metrics, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, resend.StatusCode);
        Assert.Contains(server.Logs.Lines, line => line.Contains("was deleted while the server had it open", StringComparison.Ordinal));
        Assert.True(server.Metrics.StorageFailures >= 2);
        Assert.Contains("lost", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_DatabaseFileReplacedWithoutTraffic_NotServingWithinSeconds()
    {
        var path = _directory.File("picket.db");
        await using var server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?> { ["Storage:SqlitePath"] = path });
        using var channel = server.Channel();
        await new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-rep", 1));

        // What a careless restore does: a copy renamed over the live file (a new inode at the path).
        File.Copy(path, path + ".copy");
        File.Move(path + ".copy", path, overwrite: true);
        var deadline = DateTime.UtcNow + Patience;
        HealthCheckResponse.Types.ServingStatus status;
        do
        {
            await Task.Delay(200);
            status = (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status;
        }
        while (status != HealthCheckResponse.Types.ServingStatus.NotServing && DateTime.UtcNow < deadline);
        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-rep", 2)).ResponseAsync);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, status);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains(server.Logs.Lines, line => line.Contains("was replaced while the server had it open", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}

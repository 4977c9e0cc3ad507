using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Picket.Contract.V1;
using Picket.Server.Metrics;
using Picket.Server.Support;

namespace Picket.Server.Management;

/// <summary>
/// Issue 12 probe 8: the loopback HTTP/1.1 management listener on a real port serves
/// <c>/metrics</c> (rendered from the <c>Picket.Server</c> meter) and <c>/healthz</c> to plain
/// HTTP/1.1 clients, curl included; the gRPC port does not serve them.
/// </summary>
public sealed class ManagementListenerTests : IAsyncLifetime
{
    private KestrelHarness _server = null!;

    public async Task InitializeAsync() => _server = await KestrelHarness.StartPlainAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterOneBatchAndOneResend_CountsThemOverHttp11()
    {
        using var channel = _server.Channel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        await ingest.PublishBatchAsync(TestBatches.Batch("gw-metrics", 1, TestBatches.Track(1), TestBatches.Track(2)));
        await ingest.PublishBatchAsync(TestBatches.Batch("gw-metrics", 1, TestBatches.Track(1), TestBatches.Track(2)));

        var (status, text) = await _server.GetManagementAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("picket_ingest_batches_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("picket_ingest_track_updates_total 2\n", text, StringComparison.Ordinal);
        Assert.Contains("picket_ingest_duplicates_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("picket_ingest_acks_total 2\n", text, StringComparison.Ordinal);
        Assert.Contains("picket_storage_failures_total 0\n", text, StringComparison.Ordinal);
        Assert.Contains("picket_storage_available 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE picket_feed_subscribers gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SameCountsAsAnIndependentListenerOfTheMeter()
    {
        // A MeterListener of our own on the server's meter: what the code records is what /metrics shows.
        var rejects = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServerMetrics.MeterName && instrument.Name == "picket.ingest.rejects")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejects, value));
        listener.Start();
        var before = _server.Metrics.Rejects;
        using var channel = _server.Channel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => ingest.PublishBatchAsync(new UplinkBatch { GatewayId = "gw-zero", Sequence = 0 }).ResponseAsync);

        var (_, text) = await _server.GetManagementAsync("/metrics");

        Assert.True(Interlocked.Read(ref rejects) >= 1);
        Assert.Contains($"picket_ingest_rejects_total {before + 1}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_StoreReady_200Serving()
    {
        var (status, body) = await _server.GetManagementAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SERVING\n", body);
    }

    [Fact]
    public async Task Metrics_ScrapedByCurl()
    {
        var start = new ProcessStartInfo("curl", ["--silent", "--show-error", "--fail", "--http1.1", new Uri(_server.ManagementAddress, "/metrics").ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();

        Assert.Equal(0, curl.ExitCode);
        Assert.Contains("# TYPE picket_ingest_rejects_total counter", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OnTheGrpcPort_NotServed()
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.GetAsync(new Uri(_server.Address, "/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

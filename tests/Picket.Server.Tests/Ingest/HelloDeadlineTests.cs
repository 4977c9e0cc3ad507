using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Ingest;

/// <summary>Issue 12 probe 9 on a real port: a Publish stream that never sends its Hello is closed and counted.</summary>
public sealed class HelloDeadlineTests : IAsyncLifetime
{
    private KestrelHarness _server = null!;

    public async Task InitializeAsync() => _server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?> { ["Limits:HelloTimeoutSeconds"] = "1" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_NoHello_DeadlineExceededNamingTheSettingAndCounted()
    {
        using var channel = _server.Channel();
        using var call = new TrackIngest.TrackIngestClient(channel).Publish();
        // Generous: the server's deadline is 1 s; this only stops a hang from hanging the test run.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(patience.Token))
            {
            }
        });
        var (_, metrics) = await _server.GetManagementAsync("/metrics");

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("Limits:HelloTimeoutSeconds", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _server.Metrics.HelloTimeouts);
        Assert.Contains("picket_ingest_hello_timeouts_total 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HelloInTime_StreamStaysOpenPastTheDeadline()
    {
        using var channel = _server.Channel();
        using var session = await PublishSession.OpenAsync(new TrackIngest.TrackIngestClient(channel), "gw-slow");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var ack = await session.SendAndReadAckAsync(TestBatches.Batch("gw-slow", 1));

        Assert.Equal(1UL, ack.AckedSequence);
    }
}

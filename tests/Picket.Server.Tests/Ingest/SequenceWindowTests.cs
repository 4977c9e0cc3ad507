using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Ingest;

/// <summary>
/// Issue 12 probe 6 on a real port: a gateway cannot jump its sequence arbitrarily far ahead or
/// make the server hold an unbounded out-of-order set. The refused batch is not stored or
/// consumed (FailedPrecondition naming the limit) and is accepted once sent in order.
/// </summary>
public sealed class SequenceWindowTests : IAsyncLifetime
{
    private KestrelHarness _server = null!;

    public async Task InitializeAsync() => _server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxSequenceAhead"] = "100",
        ["Limits:MaxOutOfOrderBatches"] = "3",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PublishBatch_FarBeyondAckedSequence_FailedPreconditionNamingLimitAndNotStored()
    {
        using var channel = _server.Channel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        await ingest.PublishBatchAsync(TestBatches.Batch("gw-jump", 1));

        var error = await Assert.ThrowsAsync<RpcException>(() => ingest.PublishBatchAsync(TestBatches.Batch("gw-jump", 102)).ResponseAsync);
        var farthest = await ingest.PublishBatchAsync(TestBatches.Batch("gw-jump", 101)); // exactly 100 ahead
        var huge = await Assert.ThrowsAsync<RpcException>(() => ingest.PublishBatchAsync(TestBatches.Batch("gw-jump", ulong.MaxValue)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Limits:MaxSequenceAhead", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("102", error.Trailers.GetValue("picket-refused-sequence"));
        Assert.Equal(1UL, farthest.AckedSequence);
        Assert.Equal(new SequenceGap { FirstMissing = 2, LastMissing = 100 }, farthest.Gap);
        Assert.Equal(StatusCode.FailedPrecondition, huge.StatusCode);
        Assert.Equal(2, _server.Metrics.SequenceRefusals);
    }

    [Fact]
    public async Task Publish_OutOfOrderSetFull_RefusedUntilTheHoleIsFilled()
    {
        using var channel = _server.Channel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        await ingest.PublishBatchAsync(TestBatches.Batch("gw-holes", 1));
        foreach (var held in new ulong[] { 3, 4, 5 })
        {
            await ingest.PublishBatchAsync(TestBatches.Batch("gw-holes", held));
        }

        using (var session = await PublishSession.OpenAsync(ingest, "gw-holes"))
        {
            await session.SendAsync(TestBatches.Batch("gw-holes", 6));
            var status = await session.ReadToEndAsync();

            Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
            Assert.Contains("Limits:MaxOutOfOrderBatches", status.Detail, StringComparison.Ordinal);
        }

        var filled = await ingest.PublishBatchAsync(TestBatches.Batch("gw-holes", 2));
        var sixth = await ingest.PublishBatchAsync(TestBatches.Batch("gw-holes", 6));

        Assert.Equal(5UL, filled.AckedSequence);
        Assert.Null(filled.Gap);
        Assert.Equal(6UL, sixth.AckedSequence);
    }
}

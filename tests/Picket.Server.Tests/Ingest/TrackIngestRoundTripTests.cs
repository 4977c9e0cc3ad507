using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>
/// The v1 contract end to end through the real server: a hello, batches and acks on the
/// Publish stream, and the unary PublishBatch through gRPC-Web over HTTP/1.1.
/// </summary>
public sealed class TrackIngestRoundTripTests
{
    [Fact]
    public async Task Publish_HelloThenBatches_AcksEachSequence()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new TrackIngest.TrackIngestClient(channel);

        using var call = client.Publish();
        await call.RequestStream.WriteAsync(new UplinkMessage { Hello = Hello("mast-07") });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(0UL, call.ResponseStream.Current.AckedSequence); // nothing stored yet

        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await call.RequestStream.WriteAsync(new UplinkMessage { Batch = Batch("mast-07", sequence) });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(sequence, call.ResponseStream.Current.AckedSequence);
            Assert.False(call.ResponseStream.Current.Duplicate);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Publish_ResentBatchAndGap_AckedAsDuplicateAndGapReported()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = new TrackIngest.TrackIngestClient(channel).Publish();
        await call.RequestStream.WriteAsync(new UplinkMessage { Hello = Hello("mast-08") });
        await call.ResponseStream.MoveNext();

        var acks = new List<Ack>();
        foreach (var sequence in new ulong[] { 1, 1, 4, 2, 3 })
        {
            await call.RequestStream.WriteAsync(new UplinkMessage { Batch = Batch("mast-08", sequence) });
            Assert.True(await call.ResponseStream.MoveNext());
            acks.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal([1UL, 1UL, 1UL, 2UL, 4UL], acks.Select(a => a.AckedSequence));
        Assert.Equal([false, true, false, false, false], acks.Select(a => a.Duplicate));
        Assert.Equal(2UL, acks[2].Gap.FirstMissing); // 4 arrived while 2 and 3 were missing
        Assert.Equal(3UL, acks[2].Gap.LastMissing);
        Assert.Null(acks[4].Gap);
    }

    [Fact]
    public async Task Publish_BatchBeforeHello_FailsWithInvalidArgument()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = new TrackIngest.TrackIngestClient(channel).Publish();
        await call.RequestStream.WriteAsync(new UplinkMessage { Batch = Batch("mast-09", 1) });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task PublishBatch_OverGrpcWebHttp11_AcksWithSameSemantics()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateGrpcWebChannel();
        var client = new TrackIngest.TrackIngestClient(channel);

        var first = await client.PublishBatchAsync(Batch("board-3", 1));
        var again = await client.PublishBatchAsync(Batch("board-3", 1));
        var second = await client.PublishBatchAsync(Batch("board-3", 2));

        Assert.Equal(1UL, first.AckedSequence);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(1UL, again.AckedSequence);
        Assert.Equal(2UL, second.AckedSequence);
    }

    [Fact]
    public async Task PublishBatch_WithoutGatewayId_FailsWithInvalidArgument()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateGrpcWebChannel();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(Batch("", 1)));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Publish_StoredBatch_ReachesFeedSubscribersAsSnapshot()
    {
        await using var server = await InMemoryServer.StartAsync();
        using var channel = server.CreateChannel();
        var ingest = new TrackIngest.TrackIngestClient(channel);
        var ack = await ingest.PublishBatchAsync(Batch("mast-10", 1));
        Assert.Equal(1UL, ack.AckedSequence);

        using var feed = new TrackFeed.TrackFeedClient(channel).Subscribe(new SubscribeRequest());
        Assert.True(await feed.ResponseStream.MoveNext());
        var snapshot = feed.ResponseStream.Current;
        Assert.True(snapshot.Snapshot);
        Assert.Equal("mast-10", snapshot.GatewayId);
        Assert.Equal(101UL, snapshot.Track.TrackId);
        Assert.True(await feed.ResponseStream.MoveNext());
        Assert.Equal(1u, feed.ResponseStream.Current.SnapshotComplete.TrackCount);
    }

    private static Hello Hello(string gatewayId) => new()
    {
        GatewayId = gatewayId,
        SoftwareVersion = "test",
        Site = new GeoPoint { LatitudeE7 = 594_370_000, LongitudeE7 = 247_536_000 },
        SiteName = "test mast",
    };

    private static UplinkBatch Batch(string gatewayId, ulong sequence) => new()
    {
        GatewayId = gatewayId,
        Sequence = sequence,
        CreatedUnixUs = 1_764_064_800_000_000 + (long)sequence,
        Tracks =
        {
            new TrackUpdate
            {
                TrackId = 100 + sequence,
                Status = TrackStatus.Confirmed,
                TimeUnixUs = 1_764_064_800_000_000,
                Position = new GeoPoint { LatitudeE7 = 595_000_000, LongitudeE7 = 270_000_000, HeightMm = 9_000_000 },
            },
        },
    };
}

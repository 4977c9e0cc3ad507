using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Storage;

/// <summary>
/// The ingest and feed contract, run against every store (SQLite and JetStream) through the
/// real server in TestServer. Expected acks follow the rules in ingest.proto: the acked
/// sequence is the highest contiguous one held, a resend is acked with <c>duplicate</c> and
/// not stored again, and a hole is reported as the missing range.
/// </summary>
public abstract class IngestFeedContractTests : IAsyncLifetime
{
    private readonly List<ServerHarness> _servers = [];

    /// <summary>Configuration selecting and locating the store; the same for every server a test starts, so a restart finds the same data.</summary>
    protected abstract IReadOnlyDictionary<string, string?> StoreConfiguration { get; }

    [Fact]
    public async Task Publish_BatchesInOrder_AcksEachSequenceContiguously()
    {
        var server = await StartServerAsync();
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-order");

        Assert.Equal(0UL, session.HelloAck.AckedSequence);
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            var ack = await session.SendAndReadAckAsync(TestBatches.Batch("gw-order", sequence));
            Assert.Equal(sequence, ack.AckedSequence);
            Assert.False(ack.Duplicate);
            Assert.Null(ack.Gap);
        }

        await session.CompleteAsync();
    }

    [Fact]
    public async Task Publish_ResentBatch_AckedAgainAsDuplicateAndDeliveredOnce()
    {
        var server = await StartServerAsync();
        using var feed = new FeedReader(server.Feed, new SubscribeRequest());
        await feed.ReadSnapshotAsync();
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-dup");

        await session.SendAndReadAckAsync(TestBatches.Batch("gw-dup", 1, TestBatches.Track(11)));
        await session.SendAndReadAckAsync(TestBatches.Batch("gw-dup", 2, TestBatches.Track(12)));
        var resent = await session.SendAndReadAckAsync(TestBatches.Batch("gw-dup", 1, TestBatches.Track(11)));
        var next = await session.SendAndReadAckAsync(TestBatches.Batch("gw-dup", 3, TestBatches.Track(13)));

        Assert.Equal(2UL, resent.AckedSequence);
        Assert.True(resent.Duplicate);
        Assert.Equal(3UL, next.AckedSequence);
        Assert.False(next.Duplicate);
        // The feed shows what was stored: track 11 once, then 12 and 13.
        Assert.Equal(11UL, (await feed.NextAsync()).Track.TrackId);
        Assert.Equal(12UL, (await feed.NextAsync()).Track.TrackId);
        Assert.Equal(13UL, (await feed.NextAsync()).Track.TrackId);
    }

    [Fact]
    public async Task Publish_BatchBeyondHole_ReportsGapUntilFilled()
    {
        var server = await StartServerAsync();
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-gap");

        var first = await session.SendAndReadAckAsync(TestBatches.Batch("gw-gap", 1));
        var beyond = await session.SendAndReadAckAsync(TestBatches.Batch("gw-gap", 4));
        var partly = await session.SendAndReadAckAsync(TestBatches.Batch("gw-gap", 2));
        var filled = await session.SendAndReadAckAsync(TestBatches.Batch("gw-gap", 3));

        Assert.Equal(1UL, first.AckedSequence);
        Assert.Equal(1UL, beyond.AckedSequence);
        Assert.Equal(new SequenceGap { FirstMissing = 2, LastMissing = 3 }, beyond.Gap);
        Assert.Equal(2UL, partly.AckedSequence);
        Assert.Equal(new SequenceGap { FirstMissing = 3, LastMissing = 3 }, partly.Gap);
        Assert.Equal(4UL, filled.AckedSequence);
        Assert.Null(filled.Gap);
    }

    [Fact]
    public async Task Publish_ServerRestartedMidStream_LosesNothingAcked()
    {
        var server = await StartServerAsync();
        using (var session = await PublishSession.OpenAsync(server.Ingest, "gw-restart"))
        {
            // Pipelined, as a gateway with a full outbox sends: five batches, then the acks.
            for (ulong sequence = 1; sequence <= 5; sequence++)
            {
                await session.SendAsync(TestBatches.Batch("gw-restart", sequence, TestBatches.Track(100 + sequence)));
            }

            var last = new Ack();
            for (var i = 0; i < 5; i++)
            {
                last = await session.ReadAckAsync();
            }

            Assert.Equal(5UL, last.AckedSequence);
            await StopServerAsync(server);
        }

        var restarted = await StartServerAsync();
        using var resumed = await PublishSession.OpenAsync(restarted.Ingest, "gw-restart");
        var resend = await resumed.SendAndReadAckAsync(TestBatches.Batch("gw-restart", 5, TestBatches.Track(105)));
        var next = await resumed.SendAndReadAckAsync(TestBatches.Batch("gw-restart", 6, TestBatches.Track(106)));
        using var feed = new FeedReader(restarted.Feed, new SubscribeRequest());
        var (snapshot, complete) = await feed.ReadSnapshotAsync();

        Assert.Equal(5UL, resumed.HelloAck.AckedSequence);
        Assert.True(resend.Duplicate);
        Assert.Equal(6UL, next.AckedSequence);
        Assert.Equal([101UL, 102, 103, 104, 105, 106], snapshot.Select(e => e.Track.TrackId).Order().ToArray());
        Assert.Equal(6U, complete.TrackCount);
    }

    [Fact]
    public async Task PublishBatch_OverGrpcWebHttp11_SameAckSemantics()
    {
        var server = await StartServerAsync();
        var board = new TrackIngest.TrackIngestClient(server.WebChannel);

        var first = await board.PublishBatchAsync(TestBatches.Batch("gw-web", 1));
        var resent = await board.PublishBatchAsync(TestBatches.Batch("gw-web", 1));
        var beyond = await board.PublishBatchAsync(TestBatches.Batch("gw-web", 3));
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-web");

        Assert.Equal(1UL, first.AckedSequence);
        Assert.False(first.Duplicate);
        Assert.Equal(1UL, resent.AckedSequence);
        Assert.True(resent.Duplicate);
        Assert.Equal(1UL, beyond.AckedSequence);
        Assert.Equal(new SequenceGap { FirstMissing = 2, LastMissing = 2 }, beyond.Gap);
        // The streaming path sees the same ledger.
        Assert.Equal(1UL, session.HelloAck.AckedSequence);
        Assert.Equal(new SequenceGap { FirstMissing = 2, LastMissing = 2 }, session.HelloAck.Gap);
    }

    [Fact]
    public async Task Subscribe_TracksBeforeAndAfter_SnapshotMarkerThenLiveEvents()
    {
        var server = await StartServerAsync();
        await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-feed", 1, TestBatches.Track(1), TestBatches.Track(2)));
        using var feed = new FeedReader(server.Feed, new SubscribeRequest());

        var (snapshot, complete) = await feed.ReadSnapshotAsync();
        var live = TestBatches.Batch("gw-feed", 2, TestBatches.Track(3));
        live.Alerts.Add(new Alert { ZoneName = "border strip", Event = ZoneEvent.Enter, TrackId = 3, TimeUnixUs = TestBatches.NowUnixUs });
        await server.Ingest.PublishBatchAsync(live);
        var update = await feed.NextAsync();
        var alert = await feed.NextAsync();

        Assert.Equal([1UL, 2], snapshot.Select(e => e.Track.TrackId).Order().ToArray());
        Assert.All(snapshot, e => Assert.True(e.Snapshot));
        Assert.All(snapshot, e => Assert.Equal("gw-feed", e.GatewayId));
        Assert.Equal(2U, complete.TrackCount);
        Assert.Equal(3UL, update.Track.TrackId);
        Assert.False(update.Snapshot);
        Assert.Equal("border strip", alert.Alert.ZoneName);
        Assert.Equal(ZoneEvent.Enter, alert.Alert.Event);
    }

    [Fact]
    public async Task Subscribe_Filters_DeliverOnlyMatchingEvents()
    {
        var server = await StartServerAsync();
        // A 1°x1° box around the mast; track 2 is 3° east of it.
        var area = new GeoBox { SouthLatitudeE7 = 445_000_000, NorthLatitudeE7 = 455_000_000, WestLongitudeE7 = 145_000_000, EastLongitudeE7 = 155_000_000 };
        using var byArea = new FeedReader(server.Feed, new SubscribeRequest { Area = area });
        using var cooperative = new FeedReader(server.Feed, new SubscribeRequest { Cooperation = CooperationFilter.CooperativeOnly });
        using var nonCooperative = new FeedReader(server.Feed, new SubscribeRequest { Cooperation = CooperationFilter.NonCooperativeOnly });
        using var byGateway = new FeedReader(server.Feed, new SubscribeRequest { GatewayIds = { "gw-b" } });
        foreach (var reader in new[] { byArea, cooperative, nonCooperative, byGateway })
        {
            await reader.ReadSnapshotAsync();
        }

        await server.Ingest.PublishBatchAsync(TestBatches.Batch(
            "gw-a",
            1,
            TestBatches.Track(1),
            TestBatches.Track(2, longitudeE7: 180_000_000),
            TestBatches.Track(3, cooperative: false)));
        await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-b", 1, TestBatches.Track(4)));
        // An end marker every filter passes except the non-cooperative one, which gets its own.
        await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-b", 2, TestBatches.Track(99), TestBatches.Track(98, cooperative: false)));

        Assert.Equal(["gw-a/1", "gw-a/3", "gw-b/4", "gw-b/99"], await ReadUntilAsync(byArea, 99));
        Assert.Equal(["gw-a/1", "gw-a/2", "gw-b/4", "gw-b/99"], await ReadUntilAsync(cooperative, 99));
        Assert.Equal(["gw-a/3", "gw-b/98"], await ReadUntilAsync(nonCooperative, 98));
        Assert.Equal(["gw-b/4", "gw-b/99"], await ReadUntilAsync(byGateway, 99));
    }

    [Fact]
    public async Task Subscribe_IncludeHealth_HealthOnlyForSubscribersThatAsked()
    {
        var server = await StartServerAsync();
        using var withHealth = new FeedReader(server.Feed, new SubscribeRequest { IncludeHealth = true });
        using var withoutHealth = new FeedReader(server.Feed, new SubscribeRequest());
        await withHealth.ReadSnapshotAsync();
        await withoutHealth.ReadSnapshotAsync();
        var batch = TestBatches.Batch("gw-health", 1, TestBatches.Track(1));
        batch.Health = new GatewayHealth { GatewayId = "gw-health", UptimeS = 42, TimeUnixUs = TestBatches.NowUnixUs };

        await server.Ingest.PublishBatchAsync(batch);
        await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-health", 2, TestBatches.Track(2)));

        Assert.Equal(1UL, (await withHealth.NextAsync()).Track.TrackId);
        Assert.Equal(42UL, (await withHealth.NextAsync()).Health.UptimeS);
        Assert.Equal(2UL, (await withHealth.NextAsync()).Track.TrackId);
        Assert.Equal(1UL, (await withoutHealth.NextAsync()).Track.TrackId);
        Assert.Equal(2UL, (await withoutHealth.NextAsync()).Track.TrackId);
    }

    [Fact]
    public async Task Subscribe_SlowConsumer_DisconnectedWithoutSlowingIngestOrOthers()
    {
        // 2000 events: far more than the 256-event queue plus what the transport buffers for a
        // consumer that does not read (TestServer's 64 KiB response pipe, ~1200 events).
        const int Batches = 200;
        const int TracksPerBatch = 10;
        var server = await StartServerAsync(new Dictionary<string, string?> { ["Feed:SubscriberQueueCapacity"] = "256", ["Feed:SlowConsumerGraceSeconds"] = "60" });
        using var slow = new FeedReader(server.Feed, new SubscribeRequest());
        await slow.ReadSnapshotAsync();
        using var fast = new FeedReader(server.Feed, new SubscribeRequest());
        await fast.ReadSnapshotAsync();
        var fastCount = Task.Run(async () =>
        {
            var count = 0;
            while (count < Batches * TracksPerBatch)
            {
                await fast.NextAsync();
                count++;
            }

            return count;
        });

        // One batch per ack, as a gateway with an empty outbox sends: the fast consumer sees
        // bursts of one batch and keeps up; the slow one never reads.
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-flood");
        var lastAck = new Ack();
        for (ulong sequence = 1; sequence <= Batches; sequence++)
        {
            var tracks = Enumerable.Range(0, TracksPerBatch).Select(i => TestBatches.Track((sequence * 100) + (ulong)i)).ToArray();
            lastAck = await session.SendAndReadAckAsync(TestBatches.Batch("gw-flood", sequence, tracks));
        }

        Assert.Equal((ulong)Batches, lastAck.AckedSequence);
        Assert.Equal(Batches * TracksPerBatch, await fastCount);
        var (slowEvents, slowStatus) = await slow.ReadToEndAsync();
        Assert.Equal(StatusCode.ResourceExhausted, slowStatus.StatusCode);
        Assert.Contains("behind", slowStatus.Detail, StringComparison.Ordinal);
        Assert.True(slowEvents < Batches * TracksPerBatch, $"the slow consumer got {slowEvents} events");
        Assert.True(server.Metrics.SlowConsumersDropped >= 1);
    }

    [Fact]
    public async Task Publish_ImpossibleLatitude_InvalidArgumentCountedAndStreamResumable()
    {
        var server = await StartServerAsync();
        using (var session = await PublishSession.OpenAsync(server.Ingest, "gw-bad"))
        {
            await session.SendAndReadAckAsync(TestBatches.Batch("gw-bad", 1, TestBatches.Track(1)));
            // 95° north does not exist (common.proto: -900000000 to 900000000).
            await session.SendAsync(TestBatches.Batch("gw-bad", 2, TestBatches.Track(2, latitudeE7: 950_000_000)));
            var status = await session.ReadToEndAsync();

            Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
            Assert.Contains("latitude_e7 950000000", status.Detail, StringComparison.Ordinal);
        }

        using var resumed = await PublishSession.OpenAsync(server.Ingest, "gw-bad");
        var next = await resumed.SendAndReadAckAsync(TestBatches.Batch("gw-bad", 3, TestBatches.Track(3)));
        using var feed = new FeedReader(server.Feed, new SubscribeRequest());
        var (snapshot, _) = await feed.ReadSnapshotAsync();

        // The rejected batch is consumed (its resend could never succeed), not stored.
        Assert.Equal(2UL, resumed.HelloAck.AckedSequence);
        Assert.Equal(3UL, next.AckedSequence);
        Assert.Equal([1UL, 3], snapshot.Select(e => e.Track.TrackId).Order().ToArray());
        Assert.Equal(1, server.Metrics.Rejects);
    }

    [Fact]
    public async Task PublishBatch_MinimalTrackWithOnlyAnId_AckedAndInSnapshot()
    {
        var server = await StartServerAsync();

        var ack = await server.Ingest.PublishBatchAsync(new UplinkBatch { GatewayId = "gw-min", Sequence = 1, Tracks = { new TrackUpdate { TrackId = 5 } } });
        using var feed = new FeedReader(server.Feed, new SubscribeRequest { GatewayIds = { "gw-min" } });
        var (snapshot, _) = await feed.ReadSnapshotAsync();

        Assert.Equal(1UL, ack.AckedSequence);
        Assert.Equal(5UL, Assert.Single(snapshot).Track.TrackId);
    }

    [Fact]
    public async Task PublishBatch_TimestampAnHourAhead_InvalidArgument()
    {
        var server = await StartServerAsync();
        var track = TestBatches.Track(1);
        track.TimeUnixUs = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() * 1000;

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-future", 1, track)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("future", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, server.Metrics.Rejects);
    }

    [Fact]
    public async Task Publish_BatchNamingAnotherGateway_PermissionDenied()
    {
        var server = await StartServerAsync();
        using var session = await PublishSession.OpenAsync(server.Ingest, "gw-honest");

        try
        {
            await session.SendAsync(TestBatches.Batch("gw-other", 1));
        }
        catch (RpcException)
        {
            // The server may end the call before the client's write has flushed (seen once under
            // load as Cancelled on the write); the call's status below is what the server said.
        }

        var status = await session.ReadToEndAsync();

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Equal(0UL, (await server.Ingest.PublishBatchAsync(TestBatches.Batch("gw-other", 5))).AckedSequence);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
    }

    private protected async Task<ServerHarness> StartServerAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var configuration = new Dictionary<string, string?>(StoreConfiguration);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var server = await ServerHarness.StartAsync(configuration);
        _servers.Add(server);
        return server;
    }

    private protected async Task StopServerAsync(ServerHarness server)
    {
        _servers.Remove(server);
        await server.DisposeAsync();
    }

    private static async Task<List<string>> ReadUntilAsync(FeedReader reader, ulong lastTrackId)
    {
        var seen = new List<string>();
        while (true)
        {
            var next = await reader.NextAsync();
            seen.Add($"{next.GatewayId}/{next.Track.TrackId}");
            if (next.Track.TrackId == lastTrackId)
            {
                return seen;
            }
        }
    }
}

using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Support;

namespace Picket.Server.Ingest;

/// <summary>
/// Issue 12 probe 7 on a real port: identity strings no air interface can carry, and an
/// impossible batch time, are refused with INVALID_ARGUMENT naming the field and never reach
/// a consumer.
/// </summary>
public sealed class IdentityLimitsTests : IAsyncLifetime
{
    private KestrelHarness _server = null!;

    public async Task InitializeAsync() => _server = await KestrelHarness.StartPlainAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_HugeCallsignWithNulAndBidiOverride_RefusedNamingFieldAndNotFannedOut()
    {
        using var channel = _server.Channel();
        using var feed = new FeedReader(new TrackFeed.TrackFeedClient(channel), new SubscribeRequest { GatewayIds = { "gw-id" } });
        await feed.ReadSnapshotAsync();
        using var session = await PublishSession.OpenAsync(new TrackIngest.TrackIngestClient(channel), "gw-id");
        var track = TestBatches.Track(1);
        track.Identity = new Identity { Callsign = "EVIL\0\u202E" + new string('X', 100_000) };
        var bad = TestBatches.Batch("gw-id", 1, track);
        Assert.True(bad.CalculateSize() > 100_000);

        await session.SendAsync(bad);
        var status = await session.ReadToEndAsync();
        var next = await new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("gw-id", 2));
        var first = await feed.NextAsync();

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Contains("identity.callsign", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("EVIL", status.Detail, StringComparison.Ordinal);
        // The rejected sequence is consumed (ingest.proto), so the next batch is acked contiguously.
        Assert.Equal(2UL, next.AckedSequence);
        Assert.Equal(2UL, first.Track.TrackId);
    }

    [Fact]
    public async Task PublishBatch_CreatedAtLongMinValue_InvalidArgumentNamingField()
    {
        using var channel = _server.Channel();
        var batch = TestBatches.Batch("gw-created", 1);
        batch.CreatedUnixUs = long.MinValue;

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(batch).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("created_unix_us -9223372036854775808", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HelloSiteNameWithEscapeSequence_InvalidArgument()
    {
        using var channel = _server.Channel();
        using var call = new TrackIngest.TrackIngestClient(channel).Publish();
        var hello = TestBatches.Hello("gw-hello");
        hello.Hello.SiteName = "mast\u001b[2J";
        await call.RequestStream.WriteAsync(hello);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Hello.site_name", error.Status.Detail, StringComparison.Ordinal);
    }
}

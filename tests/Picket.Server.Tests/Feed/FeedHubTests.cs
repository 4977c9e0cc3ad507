using Microsoft.Extensions.Time.Testing;
using Picket.Contract.V1;
using Picket.Server.Metrics;
using Picket.Server.Support;

namespace Picket.Server.Feed;

/// <summary>The hub's track table: what a new subscriber's snapshot holds.</summary>
public sealed class FeedHubTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServerMetrics _metrics = new();

    [Fact]
    public void Subscribe_TrackSilentLongerThanHorizon_LeftOutOfSnapshot()
    {
        var hub = new FeedHub(16, TimeSpan.FromMinutes(10), _metrics, _clock);
        hub.Publish("gw-1", TestBatches.Batch("gw-1", 1, TestBatches.Track(1)), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(9));
        hub.Publish("gw-1", TestBatches.Batch("gw-1", 2, TestBatches.Track(2)), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(2));

        using var subscription = hub.Subscribe();

        // Track 1 was last heard 11 minutes ago, track 2 two minutes ago.
        Assert.Equal([2UL], subscription.Snapshot.Select(e => e.Track.TrackId).ToArray());
    }

    [Fact]
    public void Publish_DroppedTrack_RemovedFromSnapshot()
    {
        var hub = new FeedHub(16, TimeSpan.FromMinutes(10), _metrics, _clock);
        hub.Publish("gw-1", TestBatches.Batch("gw-1", 1, TestBatches.Track(1), TestBatches.Track(2)), _clock.GetUtcNow());
        var dropped = TestBatches.Track(1);
        dropped.Status = TrackStatus.Dropped;
        hub.Publish("gw-1", TestBatches.Batch("gw-1", 2, dropped), _clock.GetUtcNow());

        using var subscription = hub.Subscribe();

        Assert.Equal([2UL], subscription.Snapshot.Select(e => e.Track.TrackId).ToArray());
    }

    [Fact]
    public void Publish_SubscriberQueueFull_CutOffWithoutBlockingAndOthersKeepAll()
    {
        var hub = new FeedHub(16, TimeSpan.FromMinutes(10), _metrics, _clock);
        using var slow = hub.Subscribe();
        using var other = hub.Subscribe();
        var received = 0;

        for (ulong sequence = 1; sequence <= 40; sequence++)
        {
            hub.Publish("gw-1", TestBatches.Batch("gw-1", sequence, TestBatches.Track(sequence)), _clock.GetUtcNow());
            while (other.Events.TryRead(out _))
            {
                received++;
            }
        }

        Assert.True(slow.Dropped.IsCancellationRequested);
        Assert.Equal(40, received);
        Assert.Equal(1, _metrics.SlowConsumersDropped);
    }

    public void Dispose() => _metrics.Dispose();
}

using System.Threading.Channels;
using Picket.Contract.V1;
using Picket.Server.Metrics;

namespace Picket.Server.Feed;

/// <summary>
/// Holds the latest state of every live track and fans stored batches out to feed subscribers.
/// Each subscriber has a bounded queue; one that falls behind is cut off rather than slowing
/// ingest or the other subscribers.
/// </summary>
public sealed class FeedHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Gateway, ulong TrackId), (TrackUpdate Track, DateTimeOffset StoredAt)> _tracks = [];
    private readonly List<Subscriber> _subscribers = [];
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _snapshotHorizon;

    /// <summary>Creates the hub.</summary>
    /// <param name="subscriberQueueCapacity">Events a subscriber may have queued before it is disconnected.</param>
    /// <param name="snapshotHorizon">Tracks not updated for longer are left out of snapshots and forgotten (a gateway that went silent never drops its tracks).</param>
    /// <param name="metrics">Counters.</param>
    /// <param name="clock">Clock for the lag measurement and the horizon.</param>
    public FeedHub(int subscriberQueueCapacity, TimeSpan snapshotHorizon, ServerMetrics metrics, TimeProvider clock)
    {
        _snapshotHorizon = snapshotHorizon;
        ArgumentOutOfRangeException.ThrowIfLessThan(subscriberQueueCapacity, 1);
        SubscriberQueueCapacity = subscriberQueueCapacity;
        _metrics = metrics;
        _clock = clock;
        metrics.ObserveQueueDepth(MaxQueueDepth);
    }

    /// <summary>Events a subscriber may have queued before it is disconnected.</summary>
    public int SubscriberQueueCapacity { get; }

    /// <summary>The longest subscriber queue now, events: how far the slowest consumer lags.</summary>
    public int MaxQueueDepth()
    {
        lock (_gate)
        {
            var depth = 0;
            foreach (var subscriber in _subscribers)
            {
                depth = Math.Max(depth, subscriber.Channel.Reader.Count);
            }

            return depth;
        }
    }

    /// <summary>Restores a track into the snapshot without notifying anyone (recovery at start).</summary>
    /// <param name="gatewayId">The track's gateway.</param>
    /// <param name="track">Its latest update.</param>
    /// <param name="storedAt">When that update was stored.</param>
    public void Restore(string gatewayId, TrackUpdate track, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(track);
        lock (_gate)
        {
            if (track.Status == TrackStatus.Dropped)
            {
                _tracks.Remove((gatewayId, track.TrackId));
            }
            else
            {
                _tracks[(gatewayId, track.TrackId)] = (track, storedAt);
            }
        }
    }

    /// <summary>Applies a stored batch: updates the track table and notifies subscribers.</summary>
    /// <param name="gatewayId">The batch's gateway.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="storedAt">When the batch became durable, for the lag metric.</param>
    public void Publish(string gatewayId, UplinkBatch batch, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            foreach (var track in batch.Tracks)
            {
                if (track.Status == TrackStatus.Dropped)
                {
                    _tracks.Remove((gatewayId, track.TrackId));
                }
                else
                {
                    _tracks[(gatewayId, track.TrackId)] = (track, storedAt);
                }

                Broadcast(new FeedEvent { GatewayId = gatewayId, Track = track });
            }

            foreach (var alert in batch.Alerts)
            {
                Broadcast(new FeedEvent { GatewayId = gatewayId, Alert = alert });
            }

            if (batch.Health is not null)
            {
                Broadcast(new FeedEvent { GatewayId = gatewayId, Health = batch.Health });
            }
        }

        _metrics.FeedDelivered(_clock.GetUtcNow() - storedAt);
    }

    /// <summary>
    /// Registers a subscriber: returns the snapshot of current tracks and a reader of later
    /// events, atomically, so nothing falls between the two.
    /// </summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(SubscriberQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            var oldest = _clock.GetUtcNow() - _snapshotHorizon;
            var snapshot = new List<FeedEvent>(_tracks.Count);
            List<(string, ulong)>? stale = null;
            foreach (var (key, (track, storedAt)) in _tracks)
            {
                if (storedAt < oldest)
                {
                    (stale ??= []).Add(key);
                    continue;
                }

                snapshot.Add(new FeedEvent { GatewayId = key.Gateway, Snapshot = true, Track = track });
            }

            foreach (var key in stale ?? [])
            {
                _tracks.Remove(key);
            }

            var subscriber = new Subscriber(channel);
            _subscribers.Add(subscriber);
            _metrics.SubscriberAdded();
            return new Subscription(this, subscriber, snapshot, channel.Reader);
        }
    }

    internal void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            if (_subscribers.Remove(subscriber))
            {
                _metrics.SubscriberRemoved();
            }
        }
    }

    private void Broadcast(FeedEvent feedEvent)
    {
        for (var i = _subscribers.Count - 1; i >= 0; i--)
        {
            var subscriber = _subscribers[i];
            if (!subscriber.Channel.Writer.TryWrite(feedEvent))
            {
                // Full: the consumer is too slow. Completing with an error ends its stream with a
                // clear status instead of blocking ingest or buffering without bound.
                subscriber.Channel.Writer.TryComplete(new SlowConsumerException(SubscriberQueueCapacity));
                subscriber.Dropped.Cancel();
                _subscribers.RemoveAt(i);
                _metrics.SubscriberRemoved();
                _metrics.SlowConsumerDropped();
            }
        }
    }

    internal sealed class Subscriber(Channel<FeedEvent> channel) : IDisposable
    {
        public Channel<FeedEvent> Channel { get; } = channel;

        /// <summary>Cancelled when the subscriber is cut off, to abort a write blocked on a consumer that does not read.</summary>
        public CancellationTokenSource Dropped { get; } = new();

        public void Dispose() => Dropped.Dispose();
    }
}

using System.Threading.Channels;
using Picket.Contract.V1;

namespace Picket.Server.Feed;

/// <summary>
/// Holds the latest state of every live track and fans accepted batches out to feed
/// subscribers. Each subscriber has a bounded queue; one that falls behind is cut off rather
/// than slowing ingest.
/// </summary>
public sealed class FeedHub
{
    /// <summary>Events a subscriber may have queued before it is disconnected.</summary>
    public const int SubscriberQueueCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Gateway, ulong TrackId), TrackUpdate> _tracks = [];
    private readonly List<Subscriber> _subscribers = [];

    /// <summary>Applies a stored batch: updates the track table and notifies subscribers.</summary>
    public void Publish(string gatewayId, UplinkBatch batch)
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
                    _tracks[(gatewayId, track.TrackId)] = track;
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
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            var snapshot = new List<FeedEvent>(_tracks.Count);
            foreach (var ((gateway, _), track) in _tracks)
            {
                snapshot.Add(new FeedEvent { GatewayId = gateway, Snapshot = true, Track = track });
            }

            var subscriber = new Subscriber(channel);
            _subscribers.Add(subscriber);
            return new Subscription(this, subscriber, snapshot, channel.Reader);
        }
    }

    internal void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
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
                subscriber.Channel.Writer.TryComplete(new SlowConsumerException());
                _subscribers.RemoveAt(i);
            }
        }
    }

    internal sealed record Subscriber(Channel<FeedEvent> Channel);
}

using System.Threading.Channels;
using Picket.Contract.V1;

namespace Picket.Server.Feed;

/// <summary>One consumer's view of the feed: the snapshot at subscription time, then live events.</summary>
public sealed class Subscription : IDisposable
{
    private readonly FeedHub _hub;
    private readonly FeedHub.Subscriber _subscriber;

    internal Subscription(FeedHub hub, FeedHub.Subscriber subscriber, IReadOnlyList<FeedEvent> snapshot, ChannelReader<FeedEvent> events)
    {
        _hub = hub;
        _subscriber = subscriber;
        Snapshot = snapshot;
        Events = events;
    }

    /// <summary>Current tracks at the moment of subscription.</summary>
    public IReadOnlyList<FeedEvent> Snapshot { get; }

    /// <summary>Events after the snapshot; completes with <see cref="SlowConsumerException"/> if the consumer falls behind.</summary>
    public ChannelReader<FeedEvent> Events { get; }

    /// <summary>Cancelled when the hub cuts this subscriber off for falling behind.</summary>
    public CancellationToken Dropped => _subscriber.Dropped.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        _hub.Remove(_subscriber);
        _subscriber.Dispose();
    }
}

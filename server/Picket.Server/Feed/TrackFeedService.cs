using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Server.Feed;

/// <summary><c>picket.v1.TrackFeed</c>: snapshot, marker, then live events, filtered per request.</summary>
public sealed class TrackFeedService(FeedHub hub) : TrackFeed.TrackFeedBase
{
    /// <inheritdoc />
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        var filter = new FeedFilter(request);
        using var subscription = hub.Subscribe();
        uint count = 0;
        foreach (var snapshotEvent in subscription.Snapshot)
        {
            if (filter.Matches(snapshotEvent))
            {
                await responseStream.WriteAsync(snapshotEvent).ConfigureAwait(false);
                count++;
            }
        }

        await responseStream.WriteAsync(new FeedEvent { SnapshotComplete = new SnapshotComplete { TrackCount = count } }).ConfigureAwait(false);

        try
        {
            await foreach (var feedEvent in subscription.Events.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (filter.Matches(feedEvent))
                {
                    await responseStream.WriteAsync(feedEvent).ConfigureAwait(false);
                }
            }
        }
        catch (SlowConsumerException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
    }
}

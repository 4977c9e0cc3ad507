using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Security;
using Picket.Server.Storage;

namespace Picket.Server.Feed;

/// <summary><c>picket.v1.TrackFeed</c>: snapshot, marker, then live events, filtered per request.</summary>
public sealed class TrackFeedService(FeedHub hub, IBatchStore store, CallerAuthenticator authenticator, ILogger<TrackFeedService> logger) : TrackFeed.TrackFeedBase
{
    /// <inheritdoc />
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        var caller = authenticator.Authenticate(context, CallerRole.Consumer);
        await store.WaitUntilReadyAsync(context.CancellationToken).ConfigureAwait(false);
        var filter = new FeedFilter(request);
        using var subscription = hub.Subscribe();
        using var live = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, subscription.Dropped);
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
            await foreach (var feedEvent in subscription.Events.ReadAllAsync(live.Token).ConfigureAwait(false))
            {
                if (filter.Matches(feedEvent))
                {
                    await responseStream.WriteAsync(feedEvent, live.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SlowConsumerException || (e is OperationCanceledException && subscription.Dropped.IsCancellationRequested))
        {
            Log.SubscriberTooSlow(logger, caller.DisplayName, hub.SubscriberQueueCapacity);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, new SlowConsumerException(hub.SubscriberQueueCapacity).Message));
        }
    }
}

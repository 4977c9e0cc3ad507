using Grpc.Core;
using Picket.Contract.V1;
using Picket.Server.Configuration;
using Picket.Server.Metrics;
using Picket.Server.Security;
using Picket.Server.Storage;

namespace Picket.Server.Feed;

/// <summary><c>picket.v1.TrackFeed</c>: snapshot, marker, then live events, filtered per request.</summary>
public sealed class TrackFeedService(FeedHub hub, IBatchStore store, CallerAuthenticator authenticator, ServerSettings settings, ServerMetrics metrics, ILogger<TrackFeedService> logger) : TrackFeed.TrackFeedBase
{
    /// <inheritdoc />
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        var caller = authenticator.Authenticate(context, CallerRole.Consumer);
        await StorageCalls.EnsureReadyAsync(store, settings.StoreReadyTimeout, metrics, context.CancellationToken).ConfigureAwait(false);
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
                if (subscription.Dropped.IsCancellationRequested)
                {
                    break;
                }

                if (filter.Matches(feedEvent) && !await WriteAsync(responseStream, feedEvent, settings.SlowConsumerGrace, context, subscription.Dropped).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (SlowConsumerException)
        {
            // Falls through to the status below.
        }

        if (subscription.Dropped.IsCancellationRequested)
        {
            Log.SubscriberTooSlow(logger, caller.DisplayName, hub.SubscriberQueueCapacity);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, new SlowConsumerException(hub.SubscriberQueueCapacity).Message));
        }
    }

    /// <summary>
    /// Writes one event. If the subscriber is cut off while the write is blocked on a consumer
    /// that does not read, the write gets a grace period to drain so the consumer can still be
    /// told why (ResourceExhausted); after that the stream is aborted. Returns false when aborted.
    /// </summary>
    private static async Task<bool> WriteAsync(IServerStreamWriter<FeedEvent> responseStream, FeedEvent feedEvent, TimeSpan grace, ServerCallContext context, CancellationToken dropped)
    {
        var write = responseStream.WriteAsync(feedEvent, CancellationToken.None);
        if (write.IsCompleted)
        {
            await write.ConfigureAwait(false);
            return true;
        }

        var droppedSignal = Task.Delay(Timeout.Infinite, dropped);
        if (await Task.WhenAny(write, droppedSignal).ConfigureAwait(false) == write)
        {
            await write.ConfigureAwait(false);
            return true;
        }

        if (await Task.WhenAny(write, Task.Delay(grace, context.CancellationToken)).ConfigureAwait(false) == write)
        {
            await write.ConfigureAwait(false);
            return true;
        }

        context.GetHttpContext().Abort();
        return false;
    }
}

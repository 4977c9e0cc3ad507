using Grpc.Core;
using Picket.Contract.V1;

namespace Picket.Server.Support;

/// <summary>A TrackFeed subscription read step by step.</summary>
internal sealed class FeedReader : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly AsyncServerStreamingCall<FeedEvent> _call;

    public FeedReader(TrackFeed.TrackFeedClient client, SubscribeRequest request, Metadata? headers = null) => _call = client.Subscribe(request, headers);

    public async Task<FeedEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        if (!await _call.ResponseStream.MoveNext(timeout.Token))
        {
            throw new InvalidOperationException("The feed ended.");
        }

        return _call.ResponseStream.Current;
    }

    /// <summary>Reads the snapshot up to and including its SnapshotComplete marker.</summary>
    public async Task<(List<FeedEvent> Snapshot, SnapshotComplete Complete)> ReadSnapshotAsync()
    {
        var snapshot = new List<FeedEvent>();
        while (true)
        {
            var next = await NextAsync();
            if (next.EventCase == FeedEvent.EventOneofCase.SnapshotComplete)
            {
                return (snapshot, next.SnapshotComplete);
            }

            snapshot.Add(next);
        }
    }

    /// <summary>Reads until the stream ends; returns the events read and the final status.</summary>
    public async Task<(int Events, Status Status)> ReadToEndAsync()
    {
        var count = 0;
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (await _call.ResponseStream.MoveNext(timeout.Token))
            {
                count++;
            }

            return (count, _call.GetStatus());
        }
        catch (RpcException e)
        {
            return (count, e.Status);
        }
    }

    public void Dispose() => _call.Dispose();
}

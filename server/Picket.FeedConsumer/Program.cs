using Grpc.Core;
using Grpc.Net.Client;
using Picket.Contract.V1;

// Follows picket-server's live feed and prints every track update and alert, one line each.
// Usage: picket-feed-consumer ADDRESS [TOKEN], e.g. http://127.0.0.1:5170 (a consumer token if the server asks for one).
using var channel = GrpcChannel.ForAddress(args.Length > 0 ? args[0] : "http://127.0.0.1:5170");
var headers = args.Length > 1 ? new Metadata { { "authorization", $"Bearer {args[1]}" } } : null;
using var call = new TrackFeed.TrackFeedClient(channel).Subscribe(new SubscribeRequest(), headers);
await foreach (var e in call.ResponseStream.ReadAllAsync())
{
    var line = e.EventCase switch
    {
        FeedEvent.EventOneofCase.Track => $"{e.GatewayId} track {e.Track.TrackId} {e.Track.Identity?.Callsign} cooperative={e.Track.Cooperative} "
            + $"{e.Track.Position.LatitudeE7 / 1e7:F5} {e.Track.Position.LongitudeE7 / 1e7:F5} {e.Track.Status}",
        FeedEvent.EventOneofCase.Alert => $"{e.GatewayId} ALERT {e.Alert.Event} zone {e.Alert.ZoneName} track {e.Alert.TrackId} cooperative={e.Alert.Cooperative}",
        FeedEvent.EventOneofCase.SnapshotComplete => $"snapshot complete: {e.SnapshotComplete.TrackCount} tracks",
        _ => null,
    };
    if (line is not null)
    {
        Console.WriteLine(line);
    }
}

using Picket.Contract.V1;

namespace Picket.Server.Feed;

/// <summary>The filters of a <see cref="SubscribeRequest"/>; empty filters match everything.</summary>
internal sealed class FeedFilter(SubscribeRequest request)
{
    private readonly HashSet<string> _gateways = new(request.GatewayIds, StringComparer.Ordinal);

    public bool Matches(FeedEvent feedEvent)
    {
        if (_gateways.Count > 0 && !_gateways.Contains(feedEvent.GatewayId))
        {
            return false;
        }

        return feedEvent.EventCase switch
        {
            FeedEvent.EventOneofCase.Track => MatchesTrack(feedEvent.Track),
            FeedEvent.EventOneofCase.Alert => MatchesCooperation(feedEvent.Alert.Cooperative) && InArea(feedEvent.Alert.Position),
            FeedEvent.EventOneofCase.Health => request.IncludeHealth,
            _ => true,
        };
    }

    private bool MatchesTrack(TrackUpdate track) => MatchesCooperation(track.Cooperative) && InArea(track.Position);

    private bool MatchesCooperation(bool cooperative) => request.Cooperation switch
    {
        CooperationFilter.CooperativeOnly => cooperative,
        CooperationFilter.NonCooperativeOnly => !cooperative,
        _ => true,
    };

    private bool InArea(GeoPoint? position)
    {
        var area = request.Area;
        if (area is null || position is null)
        {
            return area is null;
        }

        if (position.LatitudeE7 < area.SouthLatitudeE7 || position.LatitudeE7 > area.NorthLatitudeE7)
        {
            return false;
        }

        // A box whose east edge is west of its west edge crosses the antimeridian.
        return area.WestLongitudeE7 <= area.EastLongitudeE7
            ? position.LongitudeE7 >= area.WestLongitudeE7 && position.LongitudeE7 <= area.EastLongitudeE7
            : position.LongitudeE7 >= area.WestLongitudeE7 || position.LongitudeE7 <= area.EastLongitudeE7;
    }
}

using System.Text;
using System.Text.Json;
using Picket.Contract.V1;

namespace Picket.Server.Map;

/// <summary>The map's event format for what JavaScript cannot hold as a number.</summary>
public sealed class MapEventWriterTests
{
    // A gateway's track ids start at its start second × 2^24 (TrackerConfiguration.FirstTrackId):
    // 30137024316964869 is beyond 2^53, where a JavaScript number would read 30137024316964868.
    private const ulong GatewayTrackId = 30_137_024_316_964_869;

    [Fact]
    public void TrackAndAlertIds_AreDecimalStrings_ExactBeyondJavaScriptsSafeIntegers()
    {
        using var writer = new MapEventWriter();
        var track = new TrackUpdate { TrackId = GatewayTrackId, Status = TrackStatus.Confirmed, TimeUnixUs = 1_796_306_992_228_000, Position = new GeoPoint { LatitudeE7 = 596_000_000, LongitudeE7 = 250_000_000 } };
        Assert.True(writer.Write(new FeedEvent { GatewayId = "mast-1", Track = track }));
        Assert.True(writer.Write(new FeedEvent { GatewayId = "mast-1", Alert = new Alert { ZoneName = "band", Event = ZoneEvent.Enter, TrackId = GatewayTrackId, TimeUnixUs = track.TimeUnixUs } }));

        var data = Encoding.UTF8.GetString(writer.Pending.Span).Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l["data: ".Length..])).ToList();

        Assert.Equal("30137024316964869", data[0].RootElement.GetProperty("id").GetString());
        Assert.Equal("30137024316964869", data[1].RootElement.GetProperty("trackId").GetString());
    }
}

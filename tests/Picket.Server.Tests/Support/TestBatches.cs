using Picket.Contract.V1;

namespace Picket.Server.Support;

/// <summary>Builds uplink messages for tests: positions near a mast on the 45th parallel, times near now.</summary>
internal static class TestBatches
{
    public const int MastLatitudeE7 = 450_000_000;
    public const int MastLongitudeE7 = 150_000_000;

    public static long NowUnixUs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public static UplinkMessage Hello(string gatewayId) => new()
    {
        Hello = new Hello
        {
            GatewayId = gatewayId,
            SoftwareVersion = "test",
            SiteName = "test mast",
            Site = new GeoPoint { LatitudeE7 = MastLatitudeE7, LongitudeE7 = MastLongitudeE7 },
        },
    };

    public static TrackUpdate Track(ulong trackId, int latitudeE7 = MastLatitudeE7, int longitudeE7 = MastLongitudeE7, bool cooperative = true) => new()
    {
        TrackId = trackId,
        Status = TrackStatus.Confirmed,
        TimeUnixUs = NowUnixUs,
        Position = new GeoPoint { LatitudeE7 = latitudeE7, LongitudeE7 = longitudeE7, HeightMm = 3_000_000 },
        Cooperative = cooperative,
    };

    public static UplinkBatch Batch(string gatewayId, ulong sequence, params TrackUpdate[] tracks)
    {
        var batch = new UplinkBatch { GatewayId = gatewayId, Sequence = sequence, CreatedUnixUs = NowUnixUs };
        batch.Tracks.Add(tracks.Length > 0 ? tracks : [Track(sequence)]);
        return batch;
    }

    public static UplinkMessage Message(UplinkBatch batch) => new() { Batch = batch };
}

using Google.Protobuf;
using Picket.Contract.V1;

namespace Picket.Outbox.Benchmarks;

/// <summary>Serialized batches of small track updates, as the core's encoder would write them.</summary>
internal static class Batches
{
    public const string GatewayId = "gw-bench";

    public static byte[] Hello() => new UplinkMessage
    {
        Hello = new Hello { GatewayId = GatewayId, SoftwareVersion = "bench", SiteName = "bench mast", Site = new GeoPoint { LatitudeE7 = 600_000_000, LongitudeE7 = 250_000_000 } },
    }.ToByteArray();

    /// <summary>A batch closed at <paramref name="createdUnixMicroseconds"/> with <paramref name="updates"/> updates of 300 tracks in turn.</summary>
    public static byte[] Batch(ulong sequence, int updates, long createdUnixMicroseconds)
    {
        var batch = new UplinkBatch { GatewayId = GatewayId, Sequence = sequence, CreatedUnixUs = createdUnixMicroseconds };
        for (var i = 0; i < updates; i++)
        {
            batch.Tracks.Add(new TrackUpdate
            {
                TrackId = (ulong)(i % 300) + 1,
                Status = TrackStatus.Confirmed,
                TimeUnixUs = createdUnixMicroseconds - 1_000_000 + (i * 1_000_000L / updates),
                Position = new GeoPoint { LatitudeE7 = 600_000_000 + (i * 997 % 2_000_000), LongitudeE7 = 250_000_000 - (i * 1_193 % 3_000_000), HeightMm = 3_000_000 + (i % 7_000) },
                Cooperative = (i & 3) != 0,
            });
        }

        return new UplinkMessage { Batch = batch }.ToByteArray();
    }
}

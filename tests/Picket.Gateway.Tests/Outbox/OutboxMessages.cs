using Google.Protobuf;
using Picket.Contract.V1;

namespace Picket.Gateway.Outbox;

/// <summary>
/// Serialized <c>UplinkMessage</c> batches built with Google.Protobuf (not with the code under
/// test), near a mast on the 45th parallel, and a check that reads them back the same way.
/// </summary>
internal static class OutboxMessages
{
    public const string GatewayId = "gw-outbox";

    public static long NowUnixMicroseconds => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    /// <summary>A batch with <paramref name="tracks"/> track updates whose ids are <c>sequence * 10000 + i</c>.</summary>
    public static byte[] Batch(ulong sequence, int tracks, long createdUnixMicroseconds)
    {
        var batch = new UplinkBatch { GatewayId = GatewayId, Sequence = sequence, CreatedUnixUs = createdUnixMicroseconds };
        for (var i = 0; i < tracks; i++)
        {
            batch.Tracks.Add(new TrackUpdate
            {
                TrackId = (sequence * 10_000) + (ulong)i,
                Status = TrackStatus.Confirmed,
                TimeUnixUs = createdUnixMicroseconds - 1000,
                Position = new GeoPoint { LatitudeE7 = 450_000_000 + i, LongitudeE7 = 150_000_000 - i, HeightMm = 3_000_000 },
                Cooperative = (i & 1) == 0,
            });
        }

        return new UplinkMessage { Batch = batch }.ToByteArray();
    }

    public static byte[] Hello() => new UplinkMessage
    {
        Hello = new Hello
        {
            GatewayId = GatewayId,
            SoftwareVersion = "test",
            SiteName = "test mast",
            Site = new GeoPoint { LatitudeE7 = 450_000_000, LongitudeE7 = 150_000_000 },
        },
    }.ToByteArray();

    public static UplinkBatch Parse(byte[] message) => UplinkMessage.Parser.ParseFrom(message).Batch;
}

using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Tracking;
using CoreStatus = Picket.Publishing.TrackStatus;
using WireStatus = Picket.Contract.V1.TrackStatus;

namespace Picket.Publishing;

/// <summary>
/// The core's whole-batch writer checked with the Google.Protobuf-generated
/// <see cref="UplinkMessage"/> parser: fields, item counts, byte equality with Google's own
/// serialization, and the hard size limit (filled until refusal; Google's size computation says
/// the refused item would not have fitted).
/// </summary>
public class UplinkBatchWriterTests
{
    private const long Created = 1_764_064_800_500_000;

    [Fact]
    public void Finish_TracksAlertsHealth_ParsesBackAsOneBatch()
    {
        var buffer = new byte[UplinkBatchWriter.DefaultMaxMessageLength + 4];
        var writer = new UplinkBatchWriter(buffer, UplinkBatchWriter.DefaultMaxMessageLength, 2048);
        writer.Begin("mast-07", 42, Created);
        for (var id = 1; id <= 3; id++)
        {
            var track = Track(id, out _);
            Assert.True(writer.TryAddTrack(ref track));
        }

        var alert = EnterAlert(2, out _);
        Assert.True(writer.TryAddAlert(ref alert));
        Assert.True(writer.TrySetHealth(new GatewayHealthReport(0) { GatewayId = "mast-07", UptimeSeconds = 10 }));
        var length = writer.Finish();

        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);

        Assert.Equal(UplinkMessage.MessageOneofCase.Batch, parsed.MessageCase);
        Assert.Equal("mast-07", parsed.Batch.GatewayId);
        Assert.Equal(42UL, parsed.Batch.Sequence);
        Assert.Equal(Created, parsed.Batch.CreatedUnixUs);
        Assert.Equal([1UL, 2UL, 3UL], parsed.Batch.Tracks.Select(t => t.TrackId));
        Assert.Equal("SAS12", parsed.Batch.Tracks[1].Identity.Callsign);
        Assert.Single(parsed.Batch.Alerts);
        Assert.Equal(ZoneEvent.Enter, parsed.Batch.Alerts[0].Event);
        Assert.Equal(10UL, parsed.Batch.Health.UptimeS);
        Assert.Equal(3, writer.TrackCount);
        Assert.Equal(1, writer.AlertCount);
        Assert.True(writer.HasHealth);
    }

    [Fact]
    public void Finish_CanonicalOrder_IsByteIdenticalToGoogleSerialization()
    {
        var buffer = new byte[UplinkBatchWriter.DefaultMaxMessageLength + 4];
        var writer = new UplinkBatchWriter(buffer, UplinkBatchWriter.DefaultMaxMessageLength, 2048);
        var expected = new UplinkBatch { GatewayId = "mast-07", Sequence = 9_000_000_001, CreatedUnixUs = Created };
        writer.Begin("mast-07", 9_000_000_001, Created);

        // Enough tracks for a body over 16,383 bytes: a three-byte length.
        for (var id = 1; id <= 600; id++)
        {
            var track = Track(id, out var wire);
            Assert.True(writer.TryAddTrack(ref track));
            expected.Tracks.Add(wire);
        }

        for (var id = 1; id <= 2; id++)
        {
            var alert = EnterAlert(id, out var wire);
            Assert.True(writer.TryAddAlert(ref alert));
            expected.Alerts.Add(wire);
        }

        Assert.True(writer.TrySetHealth(new GatewayHealthReport(0) { GatewayId = "mast-07", TimeSync = ClockSyncState.Gnss }));
        expected.Health = new GatewayHealth { GatewayId = "mast-07", TimeSync = TimeSyncState.Gnss, Tracker = new TrackerHealth() };
        var length = writer.Finish();

        var expectedBytes = new UplinkMessage { Batch = expected }.ToByteArray();
        Assert.True(expectedBytes.Length > 16_384);
        Assert.Equal(expectedBytes, buffer[..length]);
    }

    [Fact]
    public void Finish_EmptyBatch_IsByteIdenticalToGoogleSerialization()
    {
        var buffer = new byte[64];
        var writer = new UplinkBatchWriter(buffer, 64, 64);
        writer.Begin(null!, 0, 0);

        var length = writer.Finish();

        Assert.Equal(new UplinkMessage { Batch = new UplinkBatch() }.ToByteArray(), buffer[..length]);
    }

    [Theory]
    [InlineData(UplinkBatchWriter.DefaultMaxMessageLength)]
    [InlineData(16_384 + 2)] // around the two- to three-byte length boundary
    [InlineData(16_384 + 4)]
    [InlineData(130)] // around the one- to two-byte length boundary
    [InlineData(129)]
    [InlineData(128)]
    public void TryAddTrack_FilledUntilRefusal_FitsLimitAndHoldsExactlyTheAcceptedItems(int limit)
    {
        var buffer = new byte[limit + 4];
        var writer = new UplinkBatchWriter(buffer, limit, 1024);
        var expected = new UplinkBatch { GatewayId = "g", Sequence = 1, CreatedUnixUs = Created };
        writer.Begin("g", 1, Created);
        TrackUpdate refused;
        var id = 0;
        while (true)
        {
            // Sizes vary with the id, so the limit is met at a different byte each time.
            var track = Track(++id, out var wire);
            if (!writer.TryAddTrack(ref track))
            {
                refused = wire;
                break;
            }

            expected.Tracks.Add(wire);
        }

        var length = writer.Finish();

        Assert.True(length <= limit, $"{length} > {limit}");
        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);
        Assert.Equal(expected, parsed.Batch);
        Assert.Equal(id - 1, writer.TrackCount);
        expected.Tracks.Add(refused);
        var sizeWithRefused = new UplinkMessage { Batch = expected }.CalculateSize();
        Assert.True(sizeWithRefused > limit, $"the refused track would have fitted: {sizeWithRefused} <= {limit}");
    }

    [Theory]
    [InlineData(600)]
    [InlineData(601)]
    [InlineData(602)]
    [InlineData(603)]
    public void TryAddAlert_AfterTrackRefused_SmallerItemTakenOnlyIfItFits(int limit)
    {
        var buffer = new byte[limit + 4];
        var writer = new UplinkBatchWriter(buffer, limit, 1024);
        writer.Begin("g", 1, Created);
        var id = 0;
        var track = Track(++id, out _);
        while (writer.TryAddTrack(ref track))
        {
            track = Track(++id, out _);
        }

        var alert = EnterAlert(1, out var alertWire);
        var accepted = writer.TryAddAlert(ref alert);
        var length = writer.Finish();

        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);
        Assert.True(length <= limit);
        Assert.Equal(accepted ? 1 : 0, parsed.Batch.Alerts.Count);
        if (!accepted)
        {
            parsed.Batch.Alerts.Add(alertWire);
            Assert.True(parsed.CalculateSize() > limit);
        }
    }

    [Fact]
    public void TryAddTrack_LargerThanScratch_RefusedBatchUnchanged()
    {
        var buffer = new byte[1024];
        var writer = new UplinkBatchWriter(buffer, 1000, 32);
        writer.Begin("g", 1, Created);
        var before = writer.Length;
        var track = Track(1, out _);

        Assert.False(writer.TryAddTrack(ref track));
        Assert.Equal(before, writer.Length);
        var length = writer.Finish();
        Assert.Empty(UplinkMessage.Parser.ParseFrom(buffer, 0, length).Batch.Tracks);
    }

    [Fact]
    public void TryAddTrack_AfterHealth_Throws()
    {
        var writer = new UplinkBatchWriter(new byte[256], 256, 128);
        writer.Begin("g", 1, Created);
        Assert.True(writer.TrySetHealth(new GatewayHealthReport(0)));
        var track = Track(1, out _);

        Assert.Throws<InvalidOperationException>(() => writer.TryAddTrack(ref track));
    }

    [Fact]
    public void Begin_GatewayIdLongerThanScratch_ClearError()
    {
        var writer = new UplinkBatchWriter(new byte[256], 256, 32);

        var error = Assert.Throws<ArgumentException>(() => writer.Begin(new string('g', 40), 1, Created));
        Assert.Contains("gateway id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAddTrack_BeforeBegin_Throws()
    {
        var writer = new UplinkBatchWriter(new byte[256], 256, 128);
        var track = Track(1, out _);

        Assert.Throws<InvalidOperationException>(() => writer.TryAddTrack(ref track));
    }

    [Fact]
    public void Begin_Again_StartsAnEmptyBatch()
    {
        var buffer = new byte[1024];
        var writer = new UplinkBatchWriter(buffer, 1024, 256);
        writer.Begin("g", 1, Created);
        var track = Track(1, out _);
        Assert.True(writer.TryAddTrack(ref track));
        writer.Finish();

        writer.Begin("g", 2, Created);
        var length = writer.Finish();

        var parsed = UplinkMessage.Parser.ParseFrom(buffer, 0, length);
        Assert.Equal(2UL, parsed.Batch.Sequence);
        Assert.Empty(parsed.Batch.Tracks);
        Assert.Equal(0, writer.TrackCount);
    }

    // A track whose encoded size varies with its id (varint widths, callsign length), with the
    // Google message the core writes for it: proto3 writes the position and the two uncertainty
    // and quality messages even when empty, as TrackUpdateEncoder does.
    private static TrackReport Track(int id, out TrackUpdate wire)
    {
        var callsign = "SAS1" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var report = new TrackReport
        {
            TrackId = id,
            Status = CoreStatus.Confirmed,
            TimeUnixMicroseconds = Created + (id * 1_000_003L),
            LatitudeE7 = 595_000_000 + (id * 977),
            LongitudeE7 = -(id * id * 31),
            HasIcaoAddress = true,
            IcaoAddress = 0x400000 + id,
            Callsign = callsign,
            UpdateCount = (uint)id,
        };
        wire = new TrackUpdate
        {
            TrackId = (ulong)id,
            Status = WireStatus.Confirmed,
            TimeUnixUs = report.TimeUnixMicroseconds,
            Position = new GeoPoint { LatitudeE7 = report.LatitudeE7, LongitudeE7 = report.LongitudeE7 },
            PositionUncertainty = new Uncertainty(),
            VelocityUncertainty = new Uncertainty(),
            Identity = new Identity { IcaoAddress = (uint)report.IcaoAddress, Callsign = callsign },
            Quality = new TrackQuality { UpdateCount = (uint)id },
        };
        return report;
    }

    private static ZoneAlert EnterAlert(int trackId, out Alert wire)
    {
        wire = new Alert { ZoneName = "Band", Event = ZoneEvent.Enter, TimeUnixUs = Created, TrackId = (ulong)trackId };
        return new ZoneAlert { ZoneName = "Band", Event = ZoneAlertEvent.Enter, TimeUnixMicroseconds = Created, TrackId = trackId };
    }
}

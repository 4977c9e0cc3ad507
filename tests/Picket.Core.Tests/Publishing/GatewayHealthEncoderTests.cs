using Google.Protobuf;
using Picket.Contract.V1;
using Picket.Protobuf;
using WireFixType = Picket.Contract.V1.FixType;

namespace Picket.Publishing;

/// <summary>
/// The core's GatewayHealth encoder checked field by field with the Google.Protobuf-generated
/// <see cref="GatewayHealth"/> parser, and byte for byte against Google's own serialization.
/// </summary>
public class GatewayHealthEncoderTests
{
    [Fact]
    public void Encode_EveryFieldSet_ParsesBackFieldByField()
    {
        var report = new GatewayHealthReport(4)
        {
            GatewayId = "mast-07",
            SoftwareVersion = "0.1.0",
            UptimeSeconds = 86_400,
            TimeUnixMicroseconds = 1_764_064_800_123_456,
            FixType = GatewayFixType.ThreeDimensional,
            HasPosition = true,
            LatitudeE7 = 600_123_456,
            LongitudeE7 = -1_800_000_000,
            HasHeight = true,
            HeightMillimetres = -12_500,
            TimeSync = ClockSyncState.GnssPps,
            SourceCount = 2,
            OutboxDepth = uint.MaxValue,
            OutboxDroppedTotal = long.MaxValue,
            OutboxOldestAgeSeconds = 3_600,
            OutboxBytes = 5_000_000_000,
            HasCpuTemperature = true,
            CpuTemperatureMilliCelsius = -40_000,
            HasClockOffset = true,
            ClockOffsetMicroseconds = -1_250,
            Tracker = new TrackerHealthReport
            {
                LiveTracks = 300,
                ConfirmedTracks = 280,
                TracksStarted = 1_000_000,
                TracksDropped = 999_700,
                RadarPlots = 12_345_678_901,
                ModeSObservations = 9,
                LateMeasurements = 1,
                Saturations = 2,
                Alerts = 3,
            },
        };
        report.Sources[0] = new SourceHealthReport
        {
            Name = "adsb0",
            Kind = "beast-serial",
            Connected = true,
            MessageRateMilliHertz = 2_000_000,
            MessagesTotal = 172_800_000,
            ErrorsTotal = 17,
            HasLastMessage = true,
            LastMessageUnixMicroseconds = 1_764_064_800_100_000,
            ReconnectsTotal = 4,
            DroppedTotal = 4_096,
            DisconnectedMicrosecondsTotal = 12_000_000,
        };
        report.Sources[1] = new SourceHealthReport { Name = "radar-north", Kind = "asterix-udp" };
        report.Sources[2] = new SourceHealthReport { Name = "not reported" };

        var parsed = GatewayHealth.Parser.ParseFrom(EncodeToArray(report));

        Assert.Equal("mast-07", parsed.GatewayId);
        Assert.Equal("0.1.0", parsed.SoftwareVersion);
        Assert.Equal(86_400UL, parsed.UptimeS);
        Assert.Equal(1_764_064_800_123_456L, parsed.TimeUnixUs);
        Assert.Equal(WireFixType._3D, parsed.FixType);
        Assert.Equal(600_123_456, parsed.Position.LatitudeE7);
        Assert.Equal(-1_800_000_000, parsed.Position.LongitudeE7);
        Assert.Equal(-12_500, parsed.Position.HeightMm);
        Assert.Equal(TimeSyncState.GnssPps, parsed.TimeSync);
        Assert.Equal(2, parsed.Sources.Count);
        var adsb = parsed.Sources[0];
        Assert.Equal("adsb0", adsb.Name);
        Assert.Equal("beast-serial", adsb.Kind);
        Assert.True(adsb.Connected);
        Assert.Equal(2_000_000u, adsb.MessageRateMilliHz);
        Assert.Equal(172_800_000UL, adsb.MessagesTotal);
        Assert.Equal(17UL, adsb.ErrorsTotal);
        Assert.True(adsb.HasLastMessageUnixUs);
        Assert.Equal(1_764_064_800_100_000L, adsb.LastMessageUnixUs);
        Assert.Equal(4UL, adsb.ReconnectsTotal);
        Assert.Equal(4_096UL, adsb.DroppedTotal);
        Assert.Equal(12_000_000UL, adsb.DisconnectedUsTotal);
        Assert.Equal(new SourceHealth { Name = "radar-north", Kind = "asterix-udp" }, parsed.Sources[1]);
        Assert.Equal(uint.MaxValue, parsed.OutboxDepth);
        Assert.Equal((ulong)long.MaxValue, parsed.OutboxDroppedTotal);
        Assert.Equal(3_600u, parsed.OutboxOldestAgeS);
        Assert.Equal(5_000_000_000UL, parsed.OutboxBytes);
        Assert.True(parsed.HasCpuTemperatureMilliC);
        Assert.Equal(-40_000, parsed.CpuTemperatureMilliC);
        Assert.True(parsed.HasClockOffsetUs);
        Assert.Equal(-1_250L, parsed.ClockOffsetUs);
        Assert.Equal(300u, parsed.Tracker.LiveTracks);
        Assert.Equal(280u, parsed.Tracker.ConfirmedTracks);
        Assert.Equal(1_000_000UL, parsed.Tracker.TracksStartedTotal);
        Assert.Equal(999_700UL, parsed.Tracker.TracksDroppedTotal);
        Assert.Equal(12_345_678_901UL, parsed.Tracker.RadarPlotsTotal);
        Assert.Equal(9UL, parsed.Tracker.ModeSObservationsTotal);
        Assert.Equal(1UL, parsed.Tracker.LateMeasurementsTotal);
        Assert.Equal(2UL, parsed.Tracker.SaturationsTotal);
        Assert.Equal(3UL, parsed.Tracker.AlertsTotal);
    }

    [Fact]
    public void Encode_NothingKnown_OptionalFieldsAbsentTrackerPresent()
    {
        var report = new GatewayHealthReport(0);

        var parsed = GatewayHealth.Parser.ParseFrom(EncodeToArray(report));

        Assert.Null(parsed.Position);
        Assert.Empty(parsed.Sources);
        Assert.False(parsed.HasCpuTemperatureMilliC);
        Assert.False(parsed.HasClockOffsetUs);
        Assert.Equal(new TrackerHealth(), parsed.Tracker);
        Assert.Equal(new GatewayHealth { Tracker = new TrackerHealth() }, parsed);
    }

    [Fact]
    public void Encode_OptionalFieldsPresentAndZero_ArePresent()
    {
        // 0 °C and a clock exactly on its reference are real values, not "unknown".
        var report = new GatewayHealthReport(1)
        {
            HasCpuTemperature = true,
            HasClockOffset = true,
            HasPosition = true,
            SourceCount = 1,
        };
        report.Sources[0].HasLastMessage = true;

        var parsed = GatewayHealth.Parser.ParseFrom(EncodeToArray(report));

        Assert.True(parsed.HasCpuTemperatureMilliC);
        Assert.True(parsed.HasClockOffsetUs);
        Assert.NotNull(parsed.Position);
        Assert.False(parsed.Position.HasHeightMm);
        Assert.True(parsed.Sources[0].HasLastMessageUnixUs);
        Assert.Equal(0L, parsed.Sources[0].LastMessageUnixUs);
    }

    [Fact]
    public void Encode_SameMessage_IsByteIdenticalToGoogleSerialization()
    {
        var report = new GatewayHealthReport(2)
        {
            GatewayId = "mast-07",
            SoftwareVersion = "0.1.0",
            UptimeSeconds = 3_601,
            TimeUnixMicroseconds = 1_764_064_800_000_000,
            FixType = GatewayFixType.Surveyed,
            HasPosition = true,
            LatitudeE7 = 600_000_000,
            LongitudeE7 = 250_000_000,
            HasHeight = true,
            HeightMillimetres = 31_000,
            TimeSync = ClockSyncState.Ntp,
            SourceCount = 2,
            OutboxDepth = 12,
            OutboxDroppedTotal = 3,
            HasCpuTemperature = true,
            CpuTemperatureMilliCelsius = 51_500,
            OutboxOldestAgeSeconds = 42,
            OutboxBytes = 123_456,
            HasClockOffset = true,
            ClockOffsetMicroseconds = 250,
            Tracker = new TrackerHealthReport { LiveTracks = 31, ConfirmedTracks = 29, TracksStarted = 40, Alerts = 2, Saturations = 0 },
        };
        report.Sources[0] = new SourceHealthReport { Name = "adsb0", Kind = "beast-tcp", Connected = true, MessageRateMilliHertz = 1_500_500, MessagesTotal = 5_400_000, HasLastMessage = true, LastMessageUnixMicroseconds = 1_764_064_799_999_000, ReconnectsTotal = 1, DisconnectedMicrosecondsTotal = 2_000_000 };
        report.Sources[1] = new SourceHealthReport { Name = "radar0", Kind = "asterix-udp", ErrorsTotal = 2, DroppedTotal = 7 };
        var expected = new GatewayHealth
        {
            GatewayId = "mast-07",
            SoftwareVersion = "0.1.0",
            UptimeS = 3_601,
            TimeUnixUs = 1_764_064_800_000_000,
            FixType = WireFixType.Surveyed,
            Position = new GeoPoint { LatitudeE7 = 600_000_000, LongitudeE7 = 250_000_000, HeightMm = 31_000 },
            TimeSync = TimeSyncState.Ntp,
            Sources =
            {
                new SourceHealth { Name = "adsb0", Kind = "beast-tcp", Connected = true, MessageRateMilliHz = 1_500_500, MessagesTotal = 5_400_000, LastMessageUnixUs = 1_764_064_799_999_000, ReconnectsTotal = 1, DisconnectedUsTotal = 2_000_000 },
                new SourceHealth { Name = "radar0", Kind = "asterix-udp", ErrorsTotal = 2, DroppedTotal = 7 },
            },
            OutboxDepth = 12,
            OutboxDroppedTotal = 3,
            CpuTemperatureMilliC = 51_500,
            OutboxOldestAgeS = 42,
            OutboxBytes = 123_456,
            ClockOffsetUs = 250,
            Tracker = new TrackerHealth { LiveTracks = 31, ConfirmedTracks = 29, TracksStartedTotal = 40, AlertsTotal = 2 },
        };

        Assert.Equal(expected.ToByteArray(), EncodeToArray(report));
    }

    [Fact]
    public void Encode_SourceCountBeyondArray_Throws()
    {
        var report = new GatewayHealthReport(1) { SourceCount = 2 };

        Assert.Throws<ArgumentOutOfRangeException>(() => EncodeToArray(report));
    }

    [Fact]
    public void Encode_BufferTooSmall_ReturnsZero()
    {
        var report = new GatewayHealthReport(0) { GatewayId = "a gateway id longer than the buffer" };

        Assert.Equal(0, GatewayHealthEncoder.Encode(new ProtoWriter(new byte[16]), report, new byte[16], 0));
    }

    private static byte[] EncodeToArray(GatewayHealthReport report)
    {
        var buffer = new byte[1024];
        var length = GatewayHealthEncoder.Encode(new ProtoWriter(buffer), report, buffer, 0);
        Assert.True(length > 0);
        return buffer[..length];
    }
}

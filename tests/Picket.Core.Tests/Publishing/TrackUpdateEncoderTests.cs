using Google.Protobuf;
using Picket.Contract.V1;
using CoreStatus = Picket.Publishing.TrackStatus;
using WireStatus = Picket.Contract.V1.TrackStatus;

namespace Picket.Publishing;

/// <summary>
/// The core's TrackUpdate encoder checked field by field with the Google.Protobuf-generated
/// <see cref="TrackUpdate"/> parser, and byte for byte against Google's own serialization of the
/// same message.
/// </summary>
public class TrackUpdateEncoderTests
{
    [Fact]
    public void Encode_EveryFieldSet_ParsesBackFieldByField()
    {
        var report = new TrackReport
        {
            TrackId = 9_007_199_254_740_993, // above 2^53: must not pass through a double
            Status = CoreStatus.Coasting,
            TimeUnixMicroseconds = 1_764_064_800_123_456,
            LatitudeE7 = 594_370_000,
            LongitudeE7 = 247_536_000,
            HasHeight = true,
            HeightMillimetres = 10_668_000,
            HasBarometricAltitude = true,
            BarometricAltitudeMillimetres = -304_800,
            VelocityEastMillimetresPerSecond = -250_123,
            VelocityNorthMillimetresPerSecond = 1,
            VelocityUpMillimetresPerSecond = -5_080,
            PositionSigmaEastMillimetres = 35_000,
            PositionSigmaNorthMillimetres = uint.MaxValue,
            PositionSigmaUpMillimetres = 7,
            PositionCorrelationPpm = -1_000_000,
            VelocitySigmaEastMillimetresPerSecond = 1_500,
            VelocitySigmaNorthMillimetresPerSecond = 1_600,
            VelocitySigmaUpMillimetresPerSecond = 900,
            VelocityCorrelationPpm = 1_000_000,
            Sources = TrackSources.Adsb | TrackSources.ModeS | TrackSources.RadarPsr | TrackSources.RadarSsr | TrackSources.Arpa,
            HasIcaoAddress = true,
            IcaoAddress = 0xFFFFFF,
            Callsign = "FIN7LU",
            HasMode3ACode = true,
            Mode3ACode = 4032, // 7700 octal
            EmitterCategory = "A5",
            Cooperative = true,
            UpdateCount = 1,
            MissedCount = 3,
            AdsbUpdateCount = 100,
            RadarUpdateCount = 12,
            AgeMilliseconds = 720_000,
            AdsbRadarDisagreementCount = 2,
            LastInnovationMilli = 3_841,
        };

        var parsed = TrackUpdate.Parser.ParseFrom(EncodeToArray(ref report));

        Assert.Equal(9_007_199_254_740_993UL, parsed.TrackId);
        Assert.Equal(WireStatus.Coasting, parsed.Status);
        Assert.Equal(1_764_064_800_123_456L, parsed.TimeUnixUs);
        Assert.Equal(594_370_000, parsed.Position.LatitudeE7);
        Assert.Equal(247_536_000, parsed.Position.LongitudeE7);
        Assert.True(parsed.Position.HasHeightMm);
        Assert.Equal(10_668_000, parsed.Position.HeightMm);
        Assert.True(parsed.HasBarometricAltitudeMm);
        Assert.Equal(-304_800, parsed.BarometricAltitudeMm);
        Assert.Equal(-250_123, parsed.VelocityEastMmS);
        Assert.Equal(1, parsed.VelocityNorthMmS);
        Assert.Equal(-5_080, parsed.VelocityUpMmS);
        Assert.Equal(35_000u, parsed.PositionUncertainty.SigmaEast);
        Assert.Equal(uint.MaxValue, parsed.PositionUncertainty.SigmaNorth);
        Assert.Equal(7u, parsed.PositionUncertainty.SigmaUp);
        Assert.Equal(-1_000_000, parsed.PositionUncertainty.CorrelationEastNorthPpm);
        Assert.Equal(1_500u, parsed.VelocityUncertainty.SigmaEast);
        Assert.Equal(1_600u, parsed.VelocityUncertainty.SigmaNorth);
        Assert.Equal(900u, parsed.VelocityUncertainty.SigmaUp);
        Assert.Equal(1_000_000, parsed.VelocityUncertainty.CorrelationEastNorthPpm);
        Assert.Equal([Source.Adsb, Source.ModeS, Source.RadarPsr, Source.RadarSsr, Source.Arpa], parsed.Sources);
        Assert.Equal(0xFFFFFFu, parsed.Identity.IcaoAddress);
        Assert.Equal("FIN7LU", parsed.Identity.Callsign);
        Assert.Equal(4032u, parsed.Identity.Mode3ACode);
        Assert.Equal("A5", parsed.Identity.EmitterCategory);
        Assert.True(parsed.Cooperative);
        Assert.Equal(1u, parsed.Quality.UpdateCount);
        Assert.Equal(3u, parsed.Quality.MissedCount);
        Assert.Equal(100u, parsed.Quality.AdsbUpdateCount);
        Assert.Equal(12u, parsed.Quality.RadarUpdateCount);
        Assert.Equal(720_000UL, parsed.Quality.AgeMs);
        Assert.Equal(2u, parsed.Quality.AdsbRadarDisagreementCount);
        Assert.Equal(3_841u, parsed.Quality.LastInnovationMilli);
    }

    [Fact]
    public void Encode_OptionalFieldsAbsent_AreAbsentNotZero()
    {
        var report = new TrackReport { TrackId = 1, Status = CoreStatus.Tentative };

        var parsed = TrackUpdate.Parser.ParseFrom(EncodeToArray(ref report));

        Assert.False(parsed.Position.HasHeightMm);
        Assert.False(parsed.HasBarometricAltitudeMm);
        Assert.Null(parsed.Identity);
        Assert.Empty(parsed.Sources);
        Assert.False(parsed.Cooperative);
    }

    [Fact]
    public void Encode_OptionalFieldsPresentAndZero_ArePresent()
    {
        // A target at exactly 0 m and a squawk of 0000 are real values, not "unknown".
        var report = new TrackReport
        {
            TrackId = 1,
            HasHeight = true,
            HeightMillimetres = 0,
            HasBarometricAltitude = true,
            BarometricAltitudeMillimetres = 0,
            HasIcaoAddress = true,
            IcaoAddress = 0,
            HasMode3ACode = true,
            Mode3ACode = 0,
        };

        var parsed = TrackUpdate.Parser.ParseFrom(EncodeToArray(ref report));

        Assert.True(parsed.Position.HasHeightMm);
        Assert.Equal(0, parsed.Position.HeightMm);
        Assert.True(parsed.HasBarometricAltitudeMm);
        Assert.True(parsed.Identity.HasIcaoAddress);
        Assert.True(parsed.Identity.HasMode3ACode);
        Assert.Equal(0u, parsed.Identity.Mode3ACode);
    }

    [Fact]
    public void Encode_ExtremeValues_ParseBack()
    {
        var report = new TrackReport
        {
            TrackId = long.MaxValue,
            TimeUnixMicroseconds = long.MinValue,
            LatitudeE7 = -900_000_000,
            LongitudeE7 = 1_800_000_000,
            HasHeight = true,
            HeightMillimetres = int.MinValue,
            VelocityEastMillimetresPerSecond = int.MaxValue,
            VelocityNorthMillimetresPerSecond = int.MinValue,
            AgeMilliseconds = long.MaxValue,
        };

        var parsed = TrackUpdate.Parser.ParseFrom(EncodeToArray(ref report));

        Assert.Equal((ulong)long.MaxValue, parsed.TrackId);
        Assert.Equal(long.MinValue, parsed.TimeUnixUs);
        Assert.Equal(-900_000_000, parsed.Position.LatitudeE7);
        Assert.Equal(1_800_000_000, parsed.Position.LongitudeE7);
        Assert.Equal(int.MinValue, parsed.Position.HeightMm);
        Assert.Equal(int.MaxValue, parsed.VelocityEastMmS);
        Assert.Equal(int.MinValue, parsed.VelocityNorthMmS);
        Assert.Equal((ulong)long.MaxValue, parsed.Quality.AgeMs);
    }

    [Fact]
    public void Encode_SameMessage_IsByteIdenticalToGoogleSerialization()
    {
        var report = new TrackReport
        {
            TrackId = 77,
            Status = CoreStatus.Confirmed,
            TimeUnixMicroseconds = 1_764_064_800_000_000,
            LatitudeE7 = 596_123_456,
            LongitudeE7 = 270_000_001,
            HasHeight = true,
            HeightMillimetres = 9_144_000,
            VelocityEastMillimetresPerSecond = 230_000,
            VelocityNorthMillimetresPerSecond = -15_000,
            PositionSigmaEastMillimetres = 40_000,
            PositionSigmaNorthMillimetres = 41_000,
            Sources = TrackSources.RadarPsr,
            Cooperative = false,
            UpdateCount = 9,
        };
        var expected = new TrackUpdate
        {
            TrackId = 77,
            Status = WireStatus.Confirmed,
            TimeUnixUs = 1_764_064_800_000_000,
            Position = new GeoPoint { LatitudeE7 = 596_123_456, LongitudeE7 = 270_000_001, HeightMm = 9_144_000 },
            VelocityEastMmS = 230_000,
            VelocityNorthMmS = -15_000,
            PositionUncertainty = new Uncertainty { SigmaEast = 40_000, SigmaNorth = 41_000 },
            VelocityUncertainty = new Uncertainty(),
            Sources = { Source.RadarPsr },
            Quality = new TrackQuality { UpdateCount = 9 },
        };

        Assert.Equal(expected.ToByteArray(), EncodeToArray(ref report));
    }

    [Fact]
    public void Encode_PossibleMaskingCount_QualityField8()
    {
        var report = new TrackReport { TrackId = 7, Status = CoreStatus.Confirmed, UpdateCount = 3, PossibleMaskingCount = 2 };

        var parsed = TrackUpdate.Parser.ParseFrom(EncodeToArray(ref report));

        Assert.Equal(2u, parsed.Quality.PossibleMaskingCount);
        var expected = new TrackQuality { UpdateCount = 3, PossibleMaskingCount = 2 };
        Assert.Equal(expected, parsed.Quality);
    }

    [Fact]
    public void Encode_BufferTooSmall_ReturnsZero()
    {
        var report = new TrackReport { TrackId = 1, Callsign = "ABCDEFGH", HasIcaoAddress = true, IcaoAddress = 1 };

        Assert.Equal(0, TrackUpdateEncoder.Encode(ref report, new byte[10], 0));
    }

    private static byte[] EncodeToArray(ref TrackReport report)
    {
        var buffer = new byte[512];
        var length = TrackUpdateEncoder.Encode(ref report, buffer, 0);
        Assert.True(length > 0);
        return buffer[..length];
    }
}

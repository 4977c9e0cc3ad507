using Picket.Asterix;
using Picket.Nmea;
using Picket.Testing;

namespace Picket.Radar;

public sealed class RadarMeasurementBuilderTests
{
    private static readonly long Midnight = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Fact]
    public void TryFromCat048_SampleRecord_ConvertedToCoreUnits()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("asterix/cat048.raw"));
        Assert.Equal(AsterixStatus.Ok, new Cat048Decoder().TryDecode(bytes, 3, bytes.Length, out var record, out _));
        var sensor = new RadarSensor { SigmaRangeMillimetres = 70_000, SigmaAzimuthMicrodegrees = 80_000 };

        Assert.True(RadarMeasurementBuilder.TryFromCat048(ref record, sensor, Midnight + 27_356_000_000L, out var m));

        // Double-precision reference from the README values: 197.68359375 NM, 340.13671875 deg, FL 330.
        Assert.Equal((25 << 8) | 201, m.SensorId);
        Assert.Equal(RadarMeasurementSource.AsterixTargetReport, m.Source);
        Assert.Equal(Midnight + (long)Math.Round(27354.6015625 * 1e6, MidpointRounding.AwayFromZero), m.TimeUnixMicroseconds);
        Assert.Equal((long)Math.Round(197.68359375 * 1_852_000, MidpointRounding.AwayFromZero), m.RangeMillimetres);
        Assert.Equal((int)Math.Round(340.13671875 * 1e6, MidpointRounding.AwayFromZero), m.AzimuthMicrodegrees);
        Assert.True(m.HasPressureAltitude);
        Assert.Equal(33_000, m.PressureAltitudeFeet);
        Assert.True(m.HasVelocity);
        Assert.Equal((int)Math.Round(0.12066650390625 * 1_852_000), m.GroundSpeedMillimetresPerSecond);
        Assert.Equal((int)Math.Round(22574 * 360.0 / 65536 * 1e6), m.CourseMicrodegrees);
        Assert.True(m.HasMode3A);
        Assert.Equal("1000", Convert.ToString(m.Mode3A, 8));
        Assert.True(m.HasIcaoAddress);
        Assert.Equal(0x3C660C, m.IcaoAddress);
        Assert.True(m.HasCallsign);
        Assert.Equal("DLH65A", Ia5Callsign.ToText(m.Callsign));
        Assert.Equal(3563, m.TrackNumber);
        Assert.Equal(TargetReportType.ModeSRollCall, m.ReportType);
        Assert.Equal(70_000, m.SigmaRangeMillimetres);
        Assert.Equal(80_000, m.SigmaAzimuthMicrodegrees);
        Assert.False(m.HasHeight);
        Assert.False(m.HasDoppler);
    }

    [Fact]
    public void TryFromCat048_ConfiguredSensorId_OverridesSacSic()
    {
        var record = new Cat048Record { HasDataSource = true, Sac = 1, Sic = 2, HasTimeOfDay = true, HasPolarPosition = true, Rho256 = 256, HasDoppler = true, DopplerMetresPerSecond = -12 };
        var sensor = new RadarSensor { HasConfiguredSensorId = true, SensorId = 77 };

        Assert.True(RadarMeasurementBuilder.TryFromCat048(ref record, sensor, Midnight, out var m));

        Assert.Equal(77, m.SensorId);
        Assert.Equal(1_852_000, m.RangeMillimetres);
        Assert.True(m.HasDoppler);
        Assert.Equal(-12_000, m.DopplerMillimetresPerSecond);
    }

    [Fact]
    public void TryFromCat048_NoPolarPosition_NotAMeasurement()
    {
        var record = new Cat048Record { HasTimeOfDay = true, HasCartesianPosition = true };

        Assert.False(RadarMeasurementBuilder.TryFromCat048(ref record, new RadarSensor(), Midnight, out _));
    }

    [Fact]
    public void BinaryAngleToMicrodegrees_EveryAngle_MatchesDoubleReference()
    {
        for (var angle = 0; angle < 65536; angle++)
        {
            var expected = (long)Math.Round(angle * 360.0 / 65536.0 * 1e6, MidpointRounding.AwayFromZero) % 360_000_000;
            Assert.Equal(expected, RadarMeasurementBuilder.BinaryAngleToMicrodegrees(angle));
        }
    }

    [Fact]
    public void TryFromArpa_SampleTarget_UsesSentenceTimeAndConfiguredNoise()
    {
        var target = new ArpaTrackedTarget
        {
            TargetNumber = 7, HasDistance = true, DistanceMillimetres = 4_352_200, HasBearing = true, BearingMicrodegrees = 45_200_000,
            HasSpeed = true, SpeedMillimetresPerSecond = 6_379, HasCourse = true, CourseMicrodegrees = 210_000_000,
            HasTime = true, TimeOfDayMilliseconds = 45_296_000,
        };
        var sensor = new RadarSensor { SensorId = 900, SigmaRangeMillimetres = 50_000, SigmaAzimuthMicrodegrees = 1_000_000 };

        Assert.True(RadarMeasurementBuilder.TryFromArpa(ref target, sensor, Midnight + 45_300_000_000L, out var m));

        Assert.Equal(RadarMeasurementSource.ArpaTrackedTarget, m.Source);
        Assert.Equal(900, m.SensorId);
        Assert.Equal(Midnight + 45_296_000_000L, m.TimeUnixMicroseconds);
        Assert.Equal(4_352_200, m.RangeMillimetres);
        Assert.Equal(45_200_000, m.AzimuthMicrodegrees);
        Assert.True(m.HasVelocity);
        Assert.Equal(7, m.TrackNumber);
        Assert.Equal(1_000_000, m.SigmaAzimuthMicrodegrees);
    }

    [Fact]
    public void TryFromArpa_SentenceBeforeMidnightReceivedAfter_PreviousDay()
    {
        // TTM stamped 23:59:59.000 and received at 00:00:01 of 2026-11-25 belongs to 2026-11-24.
        var target = new ArpaTrackedTarget { HasDistance = true, HasBearing = true, HasTime = true, TimeOfDayMilliseconds = 86_399_000 };
        var sensor = new RadarSensor();

        Assert.True(RadarMeasurementBuilder.TryFromArpa(ref target, sensor, Midnight + 1_000_000, out var m));

        Assert.Equal(Midnight - 1_000_000, m.TimeUnixMicroseconds);
    }
}

using Picket.Asterix;
using Picket.Nmea;

namespace Picket.Radar;

/// <summary>TLL positions and I048/240 identification into radar measurements.</summary>
public sealed class RadarMeasurementBuilderPositionTests
{
    private static readonly long Midnight = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Fact]
    public void TryFromTll_TrackedTarget_PositionMeasurementAtItsOwnTime()
    {
        // $RATLL,07,4807.038,N,01131.000,E,TGT07,123456.00,T,: 48° 7.038' = 48.1173°, 11° 31' = 11.516667°.
        var position = new ArpaTargetPosition { TargetNumber = 7, LatitudeE7 = 481_173_000, LongitudeE7 = 115_166_667, HasTime = true, TimeOfDayMilliseconds = 45_296_000, Status = ArpaTargetStatus.Tracking };
        var sensor = new RadarSensor { HasConfiguredSensorId = true, SensorId = 0x10000, SigmaPositionMillimetres = 80_000 };

        Assert.True(RadarMeasurementBuilder.TryFromTll(ref position, sensor, Midnight + 45_290_000_000L, out var m));

        Assert.True(m.HasPosition);
        Assert.Equal(481_173_000, m.LatitudeE7);
        Assert.Equal(115_166_667, m.LongitudeE7);
        Assert.Equal(Midnight + 45_296_000_000L, m.TimeUnixMicroseconds);
        Assert.Equal(0x10000, m.SensorId);
        Assert.Equal(80_000, m.SigmaPositionMillimetres);
        Assert.Equal(RadarMeasurementSource.ArpaTrackedTarget, m.Source);
        Assert.Equal(7, m.TrackNumber);
    }

    [Fact]
    public void TryFromTll_LostTarget_NoMeasurement()
    {
        var position = new ArpaTargetPosition { TargetNumber = 7, LatitudeE7 = 481_173_000, LongitudeE7 = 115_166_667, Status = ArpaTargetStatus.Lost };

        Assert.False(RadarMeasurementBuilder.TryFromTll(ref position, new RadarSensor(), Midnight, out _));
    }

    [Fact]
    public void TryFromCat048_BlankIdentification_NoCallsign()
    {
        // I048/240 of eight spaces (code 32, Annex 10 Vol IV table 3-9): a transponder with no identification.
        long spaces = 0;
        for (var i = 0; i < 8; i++)
        {
            spaces = (spaces << 6) | 32;
        }

        var record = new Cat048Record { HasPolarPosition = true, HasTimeOfDay = true, Rho256 = 256 * 20, HasIdentification = true, Identification = spaces };

        Assert.True(RadarMeasurementBuilder.TryFromCat048(ref record, new RadarSensor(), Midnight, out var m));
        Assert.False(m.HasCallsign);
    }
}

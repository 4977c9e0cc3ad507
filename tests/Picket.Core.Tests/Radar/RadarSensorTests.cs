using Picket.Asterix;

namespace Picket.Radar;

public sealed class RadarSensorTests
{
    // I034/120 of cat_034_048.txt: 780 m, latitude 2,030,557 and longitude 764,578 in 180/2^23 degree.
    private static Cat034Record SiteMessage() => new() { HasPosition = true, HeightMetres = 780, Latitude23 = 2_030_557, Longitude23 = 764_578 };

    [Fact]
    public void UpdateSite_Cat034Position_SiteInOneE7Degrees()
    {
        var sensor = new RadarSensor();
        var message = SiteMessage();

        Assert.True(sensor.UpdateSite(ref message));

        Assert.True(sensor.HasSite);
        Assert.Equal((int)Math.Round(2_030_557 * 180.0 / 8_388_608 * 1e7), sensor.SiteLatitudeE7);
        Assert.Equal((int)Math.Round(764_578 * 180.0 / 8_388_608 * 1e7), sensor.SiteLongitudeE7);
        Assert.Equal(780_000, sensor.SiteHeightMillimetres);
        Assert.False(sensor.UpdateSite(ref message));
    }

    [Fact]
    public void UpdateSite_SiteConfigured_ConfigurationWins()
    {
        var sensor = new RadarSensor();
        sensor.ConfigureSite(435_000_000, 164_000_000, 100_000);
        var message = SiteMessage();

        Assert.False(sensor.UpdateSite(ref message));

        Assert.Equal(435_000_000, sensor.SiteLatitudeE7);
    }

    [Fact]
    public void UpdateSite_SouthernWesternSite_RoundsAwayFromZero()
    {
        var sensor = new RadarSensor();
        var message = new Cat034Record { HasPosition = true, HeightMetres = -20, Latitude23 = -2_030_557, Longitude23 = -(1 << 23) };

        sensor.UpdateSite(ref message);

        Assert.Equal(-(int)Math.Round(2_030_557 * 180.0 / 8_388_608 * 1e7), sensor.SiteLatitudeE7);
        Assert.Equal(-1_800_000_000, sensor.SiteLongitudeE7);
        Assert.Equal(-20_000, sensor.SiteHeightMillimetres);
    }
}

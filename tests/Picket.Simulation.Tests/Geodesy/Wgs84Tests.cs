namespace Picket.Simulation.Geodesy;

/// <summary>The simulator's geodesy against the WGS84 definition (NIMA TR8350.2) and closed-form cases.</summary>
public class Wgs84Tests
{
    [Fact]
    public void ToEcef_EquatorAndPole_MatchTheEllipsoidAxes()
    {
        var equator = Wgs84.ToEcef(new GeoPosition(0, 0, 0));
        var pole = Wgs84.ToEcef(new GeoPosition(90, 0, 0));

        Assert.Equal(6_378_137.0, equator.X, 1e-6);
        Assert.Equal(0.0, equator.Y, 1e-6);

        // Semi-minor axis b = a (1 - f) = 6,356,752.314245 m.
        Assert.Equal(6_356_752.314245, pole.Z, 1e-5);
        Assert.Equal(0.0, pole.X, 1e-6);
    }

    [Theory]
    [InlineData(59.52, 26.54, 60.0)]
    [InlineData(-33.9, 151.2, 12_000.0)]
    [InlineData(89.9, -179.9, 0.0)]
    [InlineData(0.0, 0.0, -100.0)]
    public void FromEcef_RoundTrip_RecoversThePosition(double latitude, double longitude, double height)
    {
        var back = Wgs84.FromEcef(Wgs84.ToEcef(new GeoPosition(latitude, longitude, height)));

        Assert.Equal(latitude, back.LatitudeDegrees, 1e-10);
        Assert.Equal(longitude, back.LongitudeDegrees, 1e-10);
        Assert.Equal(height, back.HeightMetres, 1e-6);
    }

    [Fact]
    public void ToEnu_PointStraightAbove_IsUp()
    {
        var origin = new GeoPosition(59.5, 26.5, 50);

        var enu = Wgs84.ToEnu(origin, origin with { HeightMetres = 1_050 });

        Assert.Equal(0.0, enu.X, 1e-6);
        Assert.Equal(0.0, enu.Y, 1e-6);
        Assert.Equal(1_000.0, enu.Z, 1e-6);
    }

    [Fact]
    public void FromEnu_RoundTrip_RecoversTheOffset()
    {
        var origin = new GeoPosition(59.5, 26.5, 50);
        var offset = new Vector3(120_000, -80_000, 9_000);

        var back = Wgs84.ToEnu(origin, Wgs84.FromEnu(origin, offset));

        Assert.Equal(offset.X, back.X, 1e-5);
        Assert.Equal(offset.Y, back.Y, 1e-5);
        Assert.Equal(offset.Z, back.Z, 1e-5);
    }
}

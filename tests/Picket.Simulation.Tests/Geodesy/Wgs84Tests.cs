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

    [Theory]
    [InlineData(4.4)]
    [InlineData(-4.4)]
    [InlineData(1.0)]
    public void RotateEnu_EastAtAnotherLongitude_TurnsByTheMeridianConvergence(double longitudeDifference)
    {
        // On one parallel the two frames' east axes, (−sin λ, cos λ, 0) in ECEF, differ about
        // the site's up by γ = atan(sin φ tan Δλ), the meridian convergence: 3.8° at 4.4° of
        // longitude (250 km) and 59.5° N. The length is kept.
        var site = new GeoPosition(59.5, 26.5, 50);
        var aircraft = new GeoPosition(59.5, 26.5 + longitudeDifference, 10_000);
        var expected = Math.Atan(Math.Sin(Wgs84.ToRadians(59.5)) * Math.Tan(Wgs84.ToRadians(longitudeDifference)));

        var inSite = Wgs84.RotateEnu(aircraft, site, new Vector3(230, 0, 0));

        Assert.Equal(expected, Math.Atan2(inSite.Y, inSite.X), 1e-12);
        Assert.Equal(230, Math.Sqrt((inSite.X * inSite.X) + (inSite.Y * inSite.Y) + (inSite.Z * inSite.Z)), 1e-9);
    }

    [Fact]
    public void RotateEnu_ThereAndBack_RecoversTheVector()
    {
        var site = new GeoPosition(59.5, 26.5, 50);
        var aircraft = new GeoPosition(57.8, 30.1, 9_000);
        var vector = new Vector3(-180, 95, 4);

        var back = Wgs84.RotateEnu(site, aircraft, Wgs84.RotateEnu(aircraft, site, vector));

        Assert.Equal(vector.X, back.X, 1e-9);
        Assert.Equal(vector.Y, back.Y, 1e-9);
        Assert.Equal(vector.Z, back.Z, 1e-9);
        var same = Wgs84.RotateEnu(site, site, vector);
        Assert.Equal(vector.X, same.X, 1e-9);
        Assert.Equal(vector.Y, same.Y, 1e-9);
        Assert.Equal(vector.Z, same.Z, 1e-9);
    }
}

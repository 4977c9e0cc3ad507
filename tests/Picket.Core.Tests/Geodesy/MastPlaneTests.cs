using Picket.Numerics;
using Xunit.Abstractions;

namespace Picket.Geodesy;

public class MastPlaneTests(ITestOutputHelper output)
{
    private const double Q61 = 2305843009213693952.0; // 2^61
    private const double Q32 = 4294967296.0; // 2^32
    private const double MaximumRangeMetres = 450_000;

    public static TheoryData<double, double> Masts => new()
    {
        { 60.10, 25.50 },   // Gulf of Finland, the seed story's mast
        { 0.0, 10.0 },      // equator
        { 45.0, -120.0 },   // mid-latitude, western hemisphere
        { -33.9, 151.2 },   // southern hemisphere
        { 65.0, 179.5 },    // targets cross the ±180° meridian
    };

    [Theory]
    [MemberData(nameof(Masts))]
    public void ToPlane_TargetsTo450Kilometres_DistanceAndAzimuthMatchVincentyWithinTenCentimetres(double mastLatitudeDegrees, double mastLongitudeDegrees)
    {
        var (plane, mastLatitude, mastLongitude) = Create(mastLatitudeDegrees, mastLongitudeDegrees);
        double worst = 0;
        foreach (var (latitude, longitude) in Targets(mastLatitude, mastLongitude, 11))
        {
            VincentyReference.Inverse(mastLatitude, mastLongitude, latitude, longitude, out double distance, out double azimuth);
            int saturations = 0;
            plane.ToPlane(Radians(latitude), Radians(longitude), out long east, out long north, ref saturations);
            Assert.Equal(0, saturations);
            double expectedEast = distance * Math.Sin(azimuth);
            double expectedNorth = distance * Math.Cos(azimuth);
            worst = Math.Max(worst, Math.Sqrt(Square(east / Q32 - expectedEast) + Square(north / Q32 - expectedNorth)));
        }

        // Arcs are measured on a sphere fitted to each normal section at the mast, and the
        // azimuth reduction is second order: the residual is a few centimetres at 450 km
        // (0.2 ppm), far below any sensor's error there.
        output.WriteLine($"mast {mastLatitudeDegrees}°, {mastLongitudeDegrees}°: worst {worst:F4} m");
        Assert.True(worst < 0.10, $"worst {worst:F4} m");
    }

    [Theory]
    [MemberData(nameof(Masts))]
    public void ToPlane_TargetsTo450Kilometres_MatchDoubleFormulasWithinOneMillimetre(double mastLatitudeDegrees, double mastLongitudeDegrees)
    {
        var (plane, mastLatitude, mastLongitude) = Create(mastLatitudeDegrees, mastLongitudeDegrees);
        var reference = new MastPlaneReference(mastLatitude, mastLongitude);
        double worst = 0;
        foreach (var (latitude, longitude) in Targets(mastLatitude, mastLongitude, 12))
        {
            int saturations = 0;
            long latitudeRaw = Radians(latitude);
            long longitudeRaw = Radians(longitude);
            plane.ToPlane(latitudeRaw, longitudeRaw, out long east, out long north, ref saturations);
            reference.ToPlane(latitudeRaw / Q61, longitudeRaw / Q61, out double expectedEast, out double expectedNorth);
            worst = Math.Max(worst, Math.Sqrt(Square(east / Q32 - expectedEast) + Square(north / Q32 - expectedNorth)));
        }

        Assert.True(worst < 0.001, $"worst {worst:E3} m");
    }

    [Theory]
    [MemberData(nameof(Masts))]
    public void ToGeodetic_AfterToPlane_ReturnsThePointWithinOneMillimetre(double mastLatitudeDegrees, double mastLongitudeDegrees)
    {
        var (plane, mastLatitude, mastLongitude) = Create(mastLatitudeDegrees, mastLongitudeDegrees);
        double worst = 0;
        foreach (var (latitude, longitude) in Targets(mastLatitude, mastLongitude, 13))
        {
            int saturations = 0;
            long latitudeRaw = Radians(latitude);
            long longitudeRaw = Radians(longitude);
            plane.ToPlane(latitudeRaw, longitudeRaw, out long east, out long north, ref saturations);
            plane.ToGeodetic(east, north, out long latitudeBack, out long longitudeBack, ref saturations);
            Assert.Equal(0, saturations);
            VincentyReference.Inverse(latitude, longitude, latitudeBack / Q61, longitudeBack / Q61, out double error, out _);
            worst = Math.Max(worst, error);
        }

        Assert.True(worst < 0.001, $"worst {worst:E3} m");
    }

    [Fact]
    public void ToGeodetic_PlaneOrigin_IsTheMast()
    {
        var (plane, _, _) = Create(60.1, 25.5);
        int saturations = 0;
        plane.ToGeodetic(0, 0, out long latitude, out long longitude, ref saturations);
        Assert.Equal(plane.LatitudeRadians, latitude);
        Assert.Equal(plane.LongitudeRadians, longitude);
    }

    [Theory]
    [InlineData(30_000, 9_144)]   // FL300 at 30 km: the 0.5-2 km case
    [InlineData(100_000, 9_144)]
    [InlineData(400_000, 12_000)]
    [InlineData(20_000, 100)]     // low drone
    public void TryGroundRange_SlantRangeAndHeights_MatchesSphericalTriangleWithinOneMillimetre(double slantMetres, double targetHeightMetres)
    {
        var (plane, mastLatitude, _) = Create(60.1, 25.5);
        var reference = new MastPlaneReference(mastLatitude, Radians(25.5) / Q61);
        const double SensorHeight = 40;
        double azimuth = 0.7;
        Trigonometry.SinCos((long)Math.Round(azimuth * Q61), out long sine, out long cosine);
        int saturations = 0;
        Assert.True(plane.TryGroundRange((long)(slantMetres * Q32), (long)(SensorHeight * Q32), (long)(targetHeightMetres * Q32), sine, cosine, out long ground, ref saturations));
        Assert.Equal(0, saturations);

        // Law of cosines in the triangle (centre, sensor, target) on the section's sphere.
        double radius = reference.SectionRadius(Math.Sin(azimuth), Math.Cos(azimuth));
        double sensorRadius = radius + SensorHeight, targetRadius = radius + targetHeightMetres;
        double angle = Math.Acos((sensorRadius * sensorRadius + targetRadius * targetRadius - slantMetres * slantMetres) / (2 * sensorRadius * targetRadius));
        Assert.InRange(ground / Q32 - radius * angle, -0.001, 0.001);
    }

    [Fact]
    public void TryGroundRange_SlantShorterThanHeightDifference_ReturnsFalse()
    {
        var (plane, _, _) = Create(60.1, 25.5);
        int saturations = 0;
        Assert.False(plane.TryGroundRange(1000L << 32, 0, 5000L << 32, 0, Q2x61.One, out _, ref saturations));
    }

    [Theory]
    [MemberData(nameof(Masts))]
    public void VelocityToPlane_TargetsTo450Kilometres_MatchesDisplacementOfDoubleProjectionWithinOneMillimetrePerSecond(double mastLatitudeDegrees, double mastLongitudeDegrees)
    {
        var (plane, mastLatitude, mastLongitude) = Create(mastLatitudeDegrees, mastLongitudeDegrees);
        var reference = new MastPlaneReference(mastLatitude, mastLongitude);
        const double Flattening = 1 / 298.257223563;
        const double EccentricitySquared = Flattening * (2 - Flattening);
        var random = new Random(14);
        double worst = 0, worstRotation = 0;
        foreach (var (latitude, longitude) in Targets(mastLatitude, mastLongitude, 15))
        {
            double velocityEast = random.NextDouble() * 600 - 300, velocityNorth = random.NextDouble() * 600 - 300;

            // Truth: move the target ±0.5 s along local east/north (radii of curvature at its
            // latitude) and difference the double projection.
            double w = 1 - EccentricitySquared * Math.Sin(latitude) * Math.Sin(latitude);
            double primeVertical = 6_378_137.0 / Math.Sqrt(w);
            double meridional = primeVertical * (1 - EccentricitySquared) / w;
            double latitudeRate = velocityNorth / meridional, longitudeRate = velocityEast / (primeVertical * Math.Cos(latitude));
            const double HalfStep = 0.5;
            reference.ToPlane(latitude + latitudeRate * HalfStep, longitude + longitudeRate * HalfStep, out double endEast, out double endNorth);
            reference.ToPlane(latitude - latitudeRate * HalfStep, longitude - longitudeRate * HalfStep, out double startEast, out double startNorth);
            double expectedEast = (endEast - startEast) / (2 * HalfStep), expectedNorth = (endNorth - startNorth) / (2 * HalfStep);

            int saturations = 0;
            long latitudeRaw = Radians(latitude), longitudeRaw = Radians(longitude);
            plane.VelocityToPlane(latitudeRaw, longitudeRaw, (long)(velocityEast * Q32), (long)(velocityNorth * Q32), out long planeEast, out long planeNorth, ref saturations);
            Assert.Equal(0, saturations);
            worst = Math.Max(worst, Math.Sqrt(Square(planeEast / Q32 - expectedEast) + Square(planeNorth / Q32 - expectedNorth)));
            double turn = Math.Atan2(planeEast, planeNorth) - Math.Atan2(velocityEast, velocityNorth);
            worstRotation = Math.Max(worstRotation, Math.Abs(Math.Atan2(Math.Sin(turn), Math.Cos(turn))));

            plane.VelocityToGeodetic(latitudeRaw, longitudeRaw, planeEast, planeNorth, out long backEast, out long backNorth, ref saturations);
            worst = Math.Max(worst, Math.Sqrt(Square(backEast / Q32 - velocityEast) + Square(backNorth / Q32 - velocityNorth)));
        }

        // The grid really does turn away from local north out there (meridian convergence).
        Assert.True(worst < 0.001, $"worst {worst:E3} m/s");
        Assert.True(mastLatitudeDegrees == 0 || worstRotation > 0.02, $"largest rotation only {worstRotation} rad");
    }

    [Theory]
    [InlineData(30_000, 0, 12_000)]
    [InlineData(100_000, 0, 15_000)]
    [InlineData(5_000, 0, 12_000)]   // slant shorter than the band's top
    public void TryGroundRangeInHeightBand_UnknownHeight_MidpointAndUniformVarianceOfTheBandEdges(double slantMetres, double lowestMetres, double highestMetres)
    {
        var (plane, mastLatitude, _) = Create(60.1, 25.5);
        var reference = new MastPlaneReference(mastLatitude, Radians(25.5 * Math.PI / 180) / Q61);
        const double SensorHeight = 40;
        double azimuth = -2.0;
        Trigonometry.SinCos((long)Math.Round(azimuth * Q61), out long sine, out long cosine);
        int saturations = 0;
        Assert.True(plane.TryGroundRangeInHeightBand((long)(slantMetres * Q32), (long)(SensorHeight * Q32), (long)(lowestMetres * Q32), (long)(highestMetres * Q32), sine, cosine, out long ground, out long extraVariance, ref saturations));
        Assert.Equal(0, saturations);

        double radius = reference.SectionRadius(Math.Sin(azimuth), Math.Cos(azimuth));
        double Ground(double height)
        {
            double sensorRadius = radius + SensorHeight, targetRadius = radius + height;
            double cosine = (sensorRadius * sensorRadius + targetRadius * targetRadius - slantMetres * slantMetres) / (2 * sensorRadius * targetRadius);
            return radius * Math.Acos(Math.Min(1, cosine));
        }

        double top = Math.Min(highestMetres, SensorHeight + slantMetres);
        double low = Ground(lowestMetres), high = Ground(top);
        Assert.InRange(ground / Q32 - (low + high) / 2, -0.001, 0.001);
        Assert.InRange(extraVariance / 16777216.0 - Math.Pow(low - high, 2) / 12, -0.01, 0.01);
    }

    private static (MastPlane Plane, double Latitude, double Longitude) Create(double latitudeDegrees, double longitudeDegrees)
    {
        long latitude = Radians(latitudeDegrees * Math.PI / 180);
        long longitude = Radians(longitudeDegrees * Math.PI / 180);
        return (new MastPlane(latitude, longitude), latitude / Q61, longitude / Q61);
    }

    private static long Radians(double radians) => (long)Math.Round(radians * Q61);

    private static double Square(double value) => value * value;

    // Random targets within 450 km of the mast (by Vincenty), every azimuth.
    private static IEnumerable<(double Latitude, double Longitude)> Targets(double mastLatitude, double mastLongitude, int seed)
    {
        var random = new Random(seed);
        int produced = 0;
        while (produced < 400)
        {
            double latitude = mastLatitude + (random.NextDouble() * 2 - 1) * 0.075;
            double longitude = mastLongitude + (random.NextDouble() * 2 - 1) * 0.075 / Math.Max(0.2, Math.Cos(mastLatitude));
            if (latitude > Math.PI / 2 || latitude < -Math.PI / 2)
            {
                continue;
            }

            if (longitude > Math.PI)
            {
                longitude -= 2 * Math.PI;
            }
            else if (longitude < -Math.PI)
            {
                longitude += 2 * Math.PI;
            }

            VincentyReference.Inverse(mastLatitude, mastLongitude, latitude, longitude, out double distance, out _);
            if (distance <= MaximumRangeMetres)
            {
                produced++;
                yield return (latitude, longitude);
            }
        }
    }
}

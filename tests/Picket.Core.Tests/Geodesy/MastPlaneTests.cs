using Xunit.Abstractions;

namespace Picket.Geodesy;

public class MastPlaneTests(ITestOutputHelper output)
{
    internal const double Q61 = 2305843009213693952.0; // 2^61
    internal const double Q32 = 4294967296.0; // 2^32
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


    internal static (MastPlane Plane, double Latitude, double Longitude) Create(double latitudeDegrees, double longitudeDegrees)
    {
        long latitude = Radians(latitudeDegrees * Math.PI / 180);
        long longitude = Radians(longitudeDegrees * Math.PI / 180);
        return (new MastPlane(latitude, longitude), latitude / Q61, longitude / Q61);
    }

    internal static long Radians(double radians) => (long)Math.Round(radians * Q61);

    internal static double Square(double value) => value * value;

    // Random targets within 450 km of the mast (by Vincenty), every azimuth.
    internal static IEnumerable<(double Latitude, double Longitude)> Targets(double mastLatitude, double mastLongitude, int seed)
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

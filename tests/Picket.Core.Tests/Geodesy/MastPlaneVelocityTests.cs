namespace Picket.Geodesy;

public class MastPlaneVelocityTests
{
    private const double Q32 = MastPlaneTests.Q32;

    public static TheoryData<double, double, double> MastsAndHeights()
    {
        var data = new TheoryData<double, double, double>();
        foreach (var mast in MastPlaneTests.Masts)
        {
            var (latitude, longitude) = ((double)mast[0], (double)mast[1]);
            foreach (var height in new[] { 0.0, 12_000.0 })
            {
                data.Add(latitude, longitude, height);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MastsAndHeights))]
    public void VelocityToPlane_TargetsTo450Kilometres_MatchesDisplacementOfDoubleProjectionWithinOneMillimetrePerSecond(double mastLatitudeDegrees, double mastLongitudeDegrees, double height)
    {
        var (plane, mastLatitude, mastLongitude) = MastPlaneTests.Create(mastLatitudeDegrees, mastLongitudeDegrees);
        var reference = new MastPlaneReference(mastLatitude, mastLongitude);
        const double Flattening = 1 / 298.257223563;
        const double EccentricitySquared = Flattening * (2 - Flattening);
        var random = new Random(14);
        double worst = 0, worstRotation = 0;
        foreach (var (latitude, longitude) in MastPlaneTests.Targets(mastLatitude, mastLongitude, 15))
        {
            double velocityEast = random.NextDouble() * 600 - 300, velocityNorth = random.NextDouble() * 600 - 300;

            // Truth: move the target ±0.5 s along local east/north at its height (radii of
            // curvature at its latitude, lengthened by the height) and difference the double
            // projection of the ground beneath it.
            double w = 1 - EccentricitySquared * Math.Sin(latitude) * Math.Sin(latitude);
            double primeVertical = 6_378_137.0 / Math.Sqrt(w);
            double meridional = primeVertical * (1 - EccentricitySquared) / w;
            double latitudeRate = velocityNorth / (meridional + height), longitudeRate = velocityEast / ((primeVertical + height) * Math.Cos(latitude));
            const double HalfStep = 0.5;
            reference.ToPlane(latitude + latitudeRate * HalfStep, longitude + longitudeRate * HalfStep, out double endEast, out double endNorth);
            reference.ToPlane(latitude - latitudeRate * HalfStep, longitude - longitudeRate * HalfStep, out double startEast, out double startNorth);
            double expectedEast = (endEast - startEast) / (2 * HalfStep), expectedNorth = (endNorth - startNorth) / (2 * HalfStep);

            int saturations = 0;
            long latitudeRaw = MastPlaneTests.Radians(latitude), longitudeRaw = MastPlaneTests.Radians(longitude);
            plane.VelocityToPlane(latitudeRaw, longitudeRaw, (long)(height * Q32), (long)(velocityEast * Q32), (long)(velocityNorth * Q32), out long planeEast, out long planeNorth, ref saturations);
            Assert.Equal(0, saturations);
            worst = Math.Max(worst, Math.Sqrt(MastPlaneTests.Square(planeEast / Q32 - expectedEast) + MastPlaneTests.Square(planeNorth / Q32 - expectedNorth)));
            double turn = Math.Atan2(planeEast, planeNorth) - Math.Atan2(velocityEast, velocityNorth);
            worstRotation = Math.Max(worstRotation, Math.Abs(Math.Atan2(Math.Sin(turn), Math.Cos(turn))));

            plane.VelocityToGeodetic(latitudeRaw, longitudeRaw, (long)(height * Q32), planeEast, planeNorth, out long backEast, out long backNorth, ref saturations);
            worst = Math.Max(worst, Math.Sqrt(MastPlaneTests.Square(backEast / Q32 - velocityEast) + MastPlaneTests.Square(backNorth / Q32 - velocityNorth)));
        }

        // The grid really does turn away from local north out there (meridian convergence).
        Assert.True(worst < 0.001, $"worst {worst:E3} m/s");
        Assert.True(mastLatitudeDegrees == 0 || worstRotation > 0.02, $"largest rotation only {worstRotation} rad");
    }
}

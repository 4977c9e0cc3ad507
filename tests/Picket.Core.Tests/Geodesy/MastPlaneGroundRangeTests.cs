using Picket.Numerics;

namespace Picket.Geodesy;

public class MastPlaneGroundRangeTests
{
    private const double Q32 = MastPlaneTests.Q32;
    private const double Q61 = MastPlaneTests.Q61;

    [Theory]
    [InlineData(30_000, 9_144)]   // FL300 at 30 km: the 0.5-2 km case
    [InlineData(100_000, 9_144)]
    [InlineData(400_000, 12_000)]
    [InlineData(20_000, 100)]     // low drone
    public void TryGroundRange_SlantRangeAndHeights_MatchesSphericalTriangleWithinOneMillimetre(double slantMetres, double targetHeightMetres)
    {
        var (plane, mastLatitude, _) = MastPlaneTests.Create(60.1, 25.5);
        var reference = new MastPlaneReference(mastLatitude, MastPlaneTests.Radians(25.5) / Q61);
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
        var (plane, _, _) = MastPlaneTests.Create(60.1, 25.5);
        int saturations = 0;
        Assert.False(plane.TryGroundRange(1000L << 32, 0, 5000L << 32, 0, Q2x61.One, out _, ref saturations));
    }

    [Theory]
    [InlineData(30_000, 0, 12_000)]
    [InlineData(100_000, 0, 15_000)]
    [InlineData(5_000, 0, 12_000)]   // slant shorter than the band's top
    public void TryGroundRangeInHeightBand_UnknownHeight_MidpointAndUniformVarianceOfTheBandEdges(double slantMetres, double lowestMetres, double highestMetres)
    {
        var (plane, mastLatitude, _) = MastPlaneTests.Create(60.1, 25.5);
        var reference = new MastPlaneReference(mastLatitude, MastPlaneTests.Radians(25.5 * Math.PI / 180) / Q61);
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

    [Theory]
    [InlineData(100_000, 10_000, 70, 300)]  // far out: about the slant range's own sigma
    [InlineData(30_000, 9_144, 70, 300)]    // FL300 at 30 km
    [InlineData(12_300, 12_260, 70, 300)]   // FL400 1 km from the mast: the height dominates, by kilometres
    [InlineData(12_300, 12_200, 70, 300)]   // within σh of the zenith: an edge with no geometry counts as 0
    public void GroundRangeVariance_MatchesCentralDifferencesOfTheSphericalTriangle(double slantMetres, double heightMetres, double sigmaSlant, double sigmaHeight)
    {
        var (plane, mastLatitude, _) = MastPlaneTests.Create(60.1, 25.5);
        var reference = new MastPlaneReference(mastLatitude, MastPlaneTests.Radians(25.5 * Math.PI / 180) / Q61);
        const double SensorHeight = 40;
        double azimuth = 1.1;
        Trigonometry.SinCos((long)Math.Round(azimuth * Q61), out long sine, out long cosine);
        int saturations = 0;

        long variance = plane.GroundRangeVariance((long)(slantMetres * Q32), (long)(SensorHeight * Q32), (long)(heightMetres * Q32), (long)(sigmaSlant * Q32), (long)(sigmaHeight * Q32), sine, cosine, ref saturations);
        Assert.Equal(0, saturations);

        // Law of cosines on the section's sphere, in double; no geometry (|Δh| > slant) is ground 0.
        double radius = reference.SectionRadius(Math.Sin(azimuth), Math.Cos(azimuth));
        double Ground(double slant, double height)
        {
            if (slant < Math.Abs(height - SensorHeight))
            {
                return 0;
            }

            double sensorRadius = radius + SensorHeight, targetRadius = radius + height;
            double c = (sensorRadius * sensorRadius + targetRadius * targetRadius - slant * slant) / (2 * sensorRadius * targetRadius);
            return radius * Math.Acos(Math.Min(1, c));
        }

        double expected = Math.Pow((Ground(slantMetres + sigmaSlant, heightMetres) - Ground(slantMetres - sigmaSlant, heightMetres)) / 2, 2)
            + Math.Pow((Ground(slantMetres, heightMetres - sigmaHeight) - Ground(slantMetres, heightMetres + sigmaHeight)) / 2, 2);
        double actual = variance / 16777216.0;
        Assert.InRange(actual, expected * 0.999 - 0.01, expected * 1.001 + 0.01);
        if (slantMetres == 100_000)
        {
            // dg/dρ = ρ/g ≈ 1.005 and dg/dh = Δh/g ≈ 0.1: σg ≈ √(70.4² + 30²) ≈ 76.5 m.
            Assert.InRange(Math.Sqrt(actual), 75, 78);
        }
        else if (heightMetres == 12_260)
        {
            Assert.True(Math.Sqrt(actual) > 1_000, $"σg {Math.Sqrt(actual):F0} m near the zenith");
        }
    }
}

namespace Picket.Tracking.Registration;

/// <summary>
/// <see cref="RadarRegistration"/> against hand-worked residual sequences and a double-precision
/// computation of the same statistics.
/// </summary>
public class RadarRegistrationTests
{
    private static RadarRegistration Create(int minimumSamples = 10, int shift = 8) =>
        new(capacity: 2, minimumSamples, shift, maximumRangeResidualMillimetres: 2_000_000, maximumAzimuthResidualMicrodegrees: 1_000_000);

    [Fact]
    public void Observe_ConstantOffsets_BiasIsTheOffsetAndSigmaZero()
    {
        var registration = Create();
        for (int i = 0; i < 50; i++)
        {
            // The radar reads 120 m long and 0.25° clockwise of where the aircraft is.
            registration.Observe(0, 80_120_000 + (i * 1_000), 45_250_000, 80_000_000 + (i * 1_000), 45_000_000);
        }

        Assert.True(registration.HasEstimate(0));
        Assert.Equal(120_000, registration.RangeBiasMillimetres(0));
        Assert.Equal(250_000, registration.AzimuthBiasMicrodegrees(0));
        Assert.Equal(0, registration.RangeSigmaMillimetres(0));
        Assert.Equal(0, registration.AzimuthSigmaMicrodegrees(0));
        Assert.False(registration.HasEstimate(1));
        Assert.Equal(0, registration.Samples(1));
    }

    [Fact]
    public void Observe_AlternatingResiduals_MeanAndPopulationSigmaByHand()
    {
        // Residuals b ± a alternate: mean b, population sigma a (an even count of samples).
        var registration = Create(minimumSamples: 2);
        for (int i = 0; i < 100; i++)
        {
            long sign = (i % 2 == 0) ? 1 : -1;
            registration.Observe(1, 50_000_000 + (-30_000 + (sign * 70_000)), 10_000_000 + (-100_000 + (sign * 80_000)), 50_000_000, 10_000_000);
        }

        Assert.Equal(-30_000, registration.RangeBiasMillimetres(1));
        Assert.Equal(-100_000, registration.AzimuthBiasMicrodegrees(1));
        Assert.InRange(registration.RangeSigmaMillimetres(1), 69_990, 70_010);
        Assert.InRange(registration.AzimuthSigmaMicrodegrees(1), 79_990, 80_010);
    }

    [Fact]
    public void Observe_GaussianResiduals_MatchesDoublePrecisionStatistics()
    {
        // 200 residuals (fewer than 2^8: the exact running average): the learned bias and
        // sigma equal the sample mean and population standard deviation computed in double.
        var random = new Random(4242);
        var registration = Create();
        var ranges = new List<double>();
        var azimuths = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            var range = Math.Round(40_000 + (55_000 * Normal(random)));
            var azimuth = Math.Round(-150_000 + (90_000 * Normal(random)));
            ranges.Add(range);
            azimuths.Add(azimuth);
            registration.Observe(0, 100_000_000 + (long)range, 200_000_000 + (long)azimuth, 100_000_000, 200_000_000);
        }

        Assert.InRange(registration.RangeBiasMillimetres(0), ranges.Average() - 1, ranges.Average() + 1);
        Assert.InRange(registration.AzimuthBiasMicrodegrees(0), azimuths.Average() - 1, azimuths.Average() + 1);
        Assert.InRange(registration.RangeSigmaMillimetres(0), PopulationSigma(ranges) * 0.999, PopulationSigma(ranges) * 1.001);
        Assert.InRange(registration.AzimuthSigmaMicrodegrees(0), PopulationSigma(azimuths) * 0.999, PopulationSigma(azimuths) * 1.001);
    }

    [Fact]
    public void Observe_GrossErrors_IgnoredAndCounted()
    {
        var registration = Create(minimumSamples: 3);
        registration.Observe(0, 10_000_000, 1_000_000, 10_000_000, 1_000_000);
        Assert.False(registration.Observe(0, 13_000_000, 1_000_000, 10_000_000, 1_000_000));
        Assert.False(registration.Observe(0, 10_000_000, 3_000_000, 10_000_000, 1_000_000));
        registration.Observe(0, 10_000_000, 1_000_000, 10_000_000, 1_000_000);

        Assert.Equal(2, registration.GrossErrors);
        Assert.Equal(2, registration.Samples(0));
        Assert.False(registration.HasEstimate(0));
        Assert.Equal(0, registration.RangeBiasMillimetres(0));
    }

    [Theory]
    [InlineData(359_900_000L, 100_000L, -200_000L)]
    [InlineData(100_000L, 359_900_000L, 200_000L)]
    [InlineData(-100_000L, 100_000L, -200_000L)]
    [InlineData(180_000_000L, 0L, 180_000_000L)]
    public void WrapAzimuth_AcrossNorth_ShortestSignedDifference(long measured, long reference, long expected) =>
        Assert.Equal(expected, RadarRegistration.WrapAzimuth(measured - reference));

    [Fact]
    public void Observe_BiasChangesAfterConvergence_FollowsTheNewBias()
    {
        // After 2^6 samples the average forgets with weight 1/64: 600 samples after a realignment
        // the old bias has decayed by (63/64)^600 ≈ 8e-5.
        var registration = Create(minimumSamples: 10, shift: 6);
        for (int i = 0; i < 1_000; i++)
        {
            registration.Observe(0, 60_000_000, 20_300_000, 60_000_000, 20_000_000);
        }

        for (int i = 0; i < 600; i++)
        {
            registration.Observe(0, 60_000_000, 19_900_000, 60_000_000, 20_000_000);
        }

        Assert.InRange(registration.AzimuthBiasMicrodegrees(0), -100_100, -99_900);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double PopulationSigma(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}

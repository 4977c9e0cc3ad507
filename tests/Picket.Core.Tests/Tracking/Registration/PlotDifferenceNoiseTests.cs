namespace Picket.Tracking.Registration;

/// <summary>
/// The radar's noise from plot differences alone: the third divided difference is zero on any
/// quadratic in time however unevenly the plots are spaced, has the scale of one plot's noise
/// (Δ³v / √20 for equal steps), and the trimmed mean square of many such samples gives the sigma
/// they were drawn with, even when some of them are wild.
/// </summary>
public class PlotDifferenceNoiseTests
{
    [Fact]
    public void TryThirdDifference_ConstantAccelerationUnevenlySampled_Zero()
    {
        // v(t) = 40 km + 250 m/s t + 3 m/s² t² (mm, s), plots at 0, 3.7, 8.1, 12 s.
        long[] times = [1_000_000_000, 1_003_700_000, 1_008_100_000, 1_012_000_000];
        var values = new long[4];
        for (var i = 0; i < 4; i++)
        {
            var t = (times[i] - times[0]) / 1e6;
            values[i] = (long)Math.Round(40_000_000 + (250_000 * t) + (3_000 * t * t));
        }

        Assert.True(PlotDifferenceNoise.TryThirdDifference(times, values, out var sample));
        Assert.InRange(sample, -2, 2);
    }

    [Fact]
    public void TryThirdDifference_EqualStepsOneDisplacedPlot_ItsDisplacementOverRootTwenty()
    {
        // Δ³v = v3 − 3 v2 + 3 v1 − v0 = 44,721; / √20 = 10,000.
        long[] times = [0, 4_000_000, 8_000_000, 12_000_000];
        long[] values = [5_000_000, 5_000_000, 5_000_000, 5_044_721];

        Assert.True(PlotDifferenceNoise.TryThirdDifference(times, values, out var sample));
        Assert.InRange(sample, 9_999, 10_001);
    }

    [Theory]
    [InlineData(0, 4_000_000, 4_000_000, 8_000_000)] // two plots at one time
    [InlineData(0, 200_000, 8_000_000, 12_000_000)] // a step under a quarter of the mean
    [InlineData(0, 8_000_000, 4_000_000, 12_000_000)] // out of order
    public void TryThirdDifference_BadSpacing_NoSample(long t1, long t2, long t3, long t4)
    {
        Assert.False(PlotDifferenceNoise.TryThirdDifference([t1, t2, t3, t4], [0, 1, 2, 3], out _));
    }

    [Fact]
    public void Observe_GaussianSamplesSomeWild_TrimmedMeanSquareGivesTheSigma()
    {
        // 63 draws of N(0, 50 m) from a straight flight's ranges; in the second window every
        // tenth (7 of 63) is replaced by a 2-5 km error (a turn, a wrong plot). The wild ones fall
        // in the trimmed fifth and only 6 of the 56 good ones go with them, so the estimate reads
        // about 18 % high (58.8 m), where a mean square would read kilometres.
        var clean = Learn(0, 8201);
        var tenthWild = Learn(10, 8202);

        Assert.InRange(clean.RangeSigmaMillimetres(0) / 1000.0, 42, 58);
        Assert.InRange(tenthWild.RangeSigmaMillimetres(0) / 1000.0, 45, 72);
    }

    [Fact]
    public void RangeSigma_BeforeTheMinimumSamples_Zero()
    {
        var noise = new PlotDifferenceNoise(2, 63, 31);
        for (var i = 0; i < 30; i++)
        {
            noise.ObserveRange(1, 10_000);
        }

        Assert.Equal(0, noise.RangeSigmaMillimetres(1));
        noise.ObserveRange(1, -10_000);

        // Every magnitude 10 m: the trimmed mean square, 100 m², over 0.437725 (a normal's
        // second moment within its 80th percentile of magnitude): 15.11 m.
        Assert.InRange(noise.RangeSigmaMillimetres(1), 15_114, 15_115);
        Assert.Equal(0, noise.RangeSigmaMillimetres(0));
        Assert.Equal(0, noise.AzimuthSigmaMicrodegrees(1));
    }

    [Fact]
    public void ObserveRange_WindowFull_OldestSamplesForgotten()
    {
        var noise = new PlotDifferenceNoise(1, 5, 5);
        for (var i = 0; i < 5; i++)
        {
            noise.ObserveRange(0, 100_000);
        }

        for (var i = 0; i < 5; i++)
        {
            noise.ObserveRange(0, 10_000);
        }

        Assert.Equal(5, noise.RangeSamples(0));
        Assert.InRange(noise.RangeSigmaMillimetres(0), 15_114, 15_115);
    }

    // 63 samples: the third difference of a straight flight's ranges (double precision) plus
    // N(0, 50 m) noise; every wildEvery-th sample (0: none) a 2-5 km error.
    private static PlotDifferenceNoise Learn(int wildEvery, int seed)
    {
        var random = new Random(seed);
        var noise = new PlotDifferenceNoise(1, 63, 31);
        long[] times = [0, 4_000_000, 8_000_000, 12_000_000];
        for (var n = 0; n < 63; n++)
        {
            var values = new long[4];
            for (var i = 0; i < 4; i++)
            {
                var t = (times[i] / 1e6) + (n * 16);
                var east = -30_000 + (220 * t);
                values[i] = (long)Math.Round(Math.Sqrt((east * east) + (25_000.0 * 25_000)) * 1000 + (Normal(random) * 50_000));
            }

            if (wildEvery > 0 && n % wildEvery == 0)
            {
                values[3] += 2_000_000 + random.Next(3_000_000);
            }

            Assert.True(PlotDifferenceNoise.TryThirdDifference(times, values, out var sample));
            noise.ObserveRange(0, sample);
        }

        return noise;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

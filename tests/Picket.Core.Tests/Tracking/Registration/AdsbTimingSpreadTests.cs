using Picket.Numerics;

namespace Picket.Tracking.Registration;

/// <summary>
/// The ADS-B timing spread estimator, alone. Innovations are drawn in doubles from a stated truth
/// (the predicted variances, the position's, and a lateness spread), so the expected estimate is
/// that truth, not anything the estimator computed.
/// </summary>
public class AdsbTimingSpreadTests
{
    private static readonly long Gate = Q31x32.FromInteger(14);

    // 250 m/s (62,500 m²/s²); predicted 100 m² each way, position 225 m²; lateness sigma as given.
    private static AdsbTimingSpread Learn(double spreadSeconds, int samples, int seed, int minimumSamples = 256)
    {
        var spread = new AdsbTimingSpread(12, minimumSamples, 500_000);
        var random = new Random(seed);
        const double speed = 250;
        for (var i = 0; i < samples; i++)
        {
            var along = (TrackerScene.Gaussian(random) * Math.Sqrt(100 + 225)) + (TrackerScene.Gaussian(random) * spreadSeconds * speed);
            var across = TrackerScene.Gaussian(random) * Math.Sqrt(100 + 225);
            spread.Observe(Metres(along), Metres(across), 100L << 24, 100L << 24, 225L << 24, (long)(speed * speed) << 24, Gate);
        }

        return spread;
    }

    private static long Metres(double metres) => (long)Math.Round(metres * 4_294_967_296.0);

    private static double Seconds2(long q31x32) => q31x32 / 4_294_967_296.0;

    [Theory]
    [InlineData(0.144, 1)] // uniform 0-0.5 s: σ = 0.5 / √12
    [InlineData(0.144, 2)]
    [InlineData(0.3, 3)]
    public void Observe_LatenessSpread_Learned(double spreadSeconds, int seed)
    {
        var spread = Learn(spreadSeconds, 8_000, seed);

        // 4,096 effective samples of a difference of two squares: about 5 % of σ² at these sizes.
        var expected = spreadSeconds * spreadSeconds;
        Assert.InRange(Seconds2(spread.VarianceSquareSeconds), 0.8 * expected, 1.2 * expected);
        Assert.Equal(0, spread.TakeSaturations());
    }

    [Fact]
    public void Observe_NoSpread_NearZeroNeverNegative()
    {
        var spread = Learn(0, 8_000, 4);

        // The along-track sum's noise alone: a few hundredths of a 62,500 m²/s² speed.
        Assert.InRange(Seconds2(spread.VarianceSquareSeconds), 0, 0.0004);
    }

    [Fact]
    public void Observe_FewerThanTheMinimum_NothingUsed()
    {
        var spread = Learn(0.3, 255, 5);

        Assert.Equal(255, spread.Samples);
        Assert.Equal(0, spread.VarianceSquareSeconds);
        Assert.Equal(0, spread.AlongTrackVariance(62_500L << 24));
    }

    [Fact]
    public void Observe_BadPositions_NotCounted()
    {
        var spread = new AdsbTimingSpread(12, 1, 500_000);

        // 5 km across the track, and 5 km behind it (20 s of flight; the screen is √(14 × (325 +
        // 62,500 × 0.25)) = 1.9 km).
        spread.Observe(0, Metres(5_000), 100L << 24, 100L << 24, 225L << 24, 62_500L << 24, Gate);
        spread.Observe(Metres(-5_000), 0, 100L << 24, 100L << 24, 225L << 24, 62_500L << 24, Gate);

        Assert.Equal(0, spread.Samples);
    }

    [Fact]
    public void AlongTrackVariance_SpeedTimesSpreadSquared_ClampedAtTheMaximum()
    {
        var spread = new AdsbTimingSpread(12, 1, 200_000);

        // One position 100 m behind a 200 m/s track with nothing else: 10,000 / 40,000 = 0.25 s²,
        // above the 0.2 s maximum's 0.04 s² (and within the screen: 14 × (225 + 40,000 × 0.04) =
        // 25,550 m² ≥ 10,000).
        spread.Observe(Metres(-100), 0, 0, 0, 225L << 24, 40_000L << 24, Gate);

        Assert.Equal(0.04, Seconds2(spread.VarianceSquareSeconds), 6);
        Assert.Equal(0.04 * 40_000, spread.AlongTrackVariance(40_000L << 24) / 16_777_216.0, 3);
    }
}

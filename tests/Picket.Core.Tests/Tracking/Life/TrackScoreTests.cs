using Picket.Numerics;

namespace Picket.Tracking.Life;

/// <summary>
/// The score's arithmetic against the formulas of Blackman and Popoli (1999, §6.2) evaluated in
/// double precision here (Math.Log), never against the code's own output.
/// </summary>
public class TrackScoreTests
{
    private const double Tolerance = 1e-7;

    private static TrackerConfiguration Configuration() => new()
    {
        ScoreDetectionProbabilityPercent = 85,
        ScoreFalseConfirmationPerMillion = 100,
        ScoreMissedTargetPerThousand = 10,
        ScoreNewTargetsPerScanPerMillionSquareKilometres = 1_000,
        ScoreIdentityPriorFactor = 1_000,
        ScoreDeletionDropNats = 9,
        ScoreCeilingNats = 20,
    };

    [Fact]
    public void Thresholds_AlphaOneInTenThousandBetaOnePercent_WaldsLogRatios()
    {
        var score = new TrackScore(Configuration());

        // Wald: upper ln((1 - β) / α), lower ln(β / (1 - α)).
        Assert.Equal(Math.Log(0.99 / 1e-4), Nats(score.ConfirmThreshold), Tolerance);
        Assert.Equal(Math.Log(0.01 / 0.9999), Nats(score.DeleteThreshold), Tolerance);
        Assert.Equal(Math.Log(1 - 0.85), Nats(score.MissIncrement), Tolerance);
    }

    [Theory]
    [InlineData(1_000_000, 1e-4 / 4)]
    [InlineData(2_000_000, 1e-4 / 2)]
    [InlineData(4_000_000, 1e-4)]
    [InlineData(5_000_000, 1e-4)]
    [InlineData(12_000_000, 1e-4)]
    public void ConfirmThresholdFor_RadarFasterThanTheReference_AlphaScaledByItsScanPeriod(long scanPeriodMicroseconds, double alpha)
    {
        // α is stated for a 4 s radar (the default reference); a faster one starts proportionally
        // more tentative tracks per hour, so its α shrinks with its period; a slower one keeps α.
        var score = new TrackScore(Configuration());

        Assert.Equal(Math.Log(0.99 / alpha), Nats(score.ConfirmThresholdFor(scanPeriodMicroseconds)), Tolerance);
    }

    [Fact]
    public void ConfirmThresholdFor_NoReferenceOrUnknownPeriod_TheConfiguredAlpha()
    {
        var configuration = Configuration();
        configuration.ScoreReferenceScanPeriodMicroseconds = 0;
        var unscaled = new TrackScore(configuration);
        var scaled = new TrackScore(Configuration());

        Assert.Equal(Math.Log(0.99 / 1e-4), Nats(unscaled.ConfirmThresholdFor(1_000_000)), Tolerance);
        Assert.Equal(Math.Log(0.99 / 1e-4), Nats(scaled.ConfirmThresholdFor(0)), Tolerance);
        Assert.True(scaled.Confirms(FromNats(Math.Log(0.99 / 1e-4) + 0.01), 4_000_000));
        Assert.False(scaled.Confirms(FromNats(Math.Log(0.99 / 1e-4) + 0.01), 1_000_000));
    }

    [Fact]
    public void Constructor_NegativeReferenceScanPeriod_Throws()
    {
        var configuration = Configuration();
        configuration.ScoreReferenceScanPeriodMicroseconds = -1;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrackScore(configuration));
        Assert.Contains("reference scan period", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initial_PrimaryAndIdentifiedPlot_PriorOddsOfTheDensities()
    {
        var score = new TrackScore(Configuration());
        var falseDensity = 4e-9; // 20 plots per scan over a 40 km disc, per m².

        var primary = score.Initial(FromNats(Math.Log(falseDensity)), identified: false);
        var identified = score.Initial(FromNats(Math.Log(falseDensity)), identified: true);

        // 1,000 new targets per scan per million km² = 1e-9 per m².
        Assert.Equal(Math.Log(0.85 * 1e-9 / falseDensity), Nats(primary), Tolerance);
        Assert.Equal(Math.Log(0.85 * 1e-9 * 1_000 / falseDensity), Nats(identified), Tolerance);
    }

    [Theory]
    [InlineData(0.0, 250_000.0, 90_000.0, 1e-8)]
    [InlineData(3.0, 2_500.0, 900.0, 4e-9)]
    [InlineData(13.5, 1.0e6, 2.0e5, 3e-7)]
    public void HitIncrement_GaussianOverFalsePlotDensity(double nis, double rangeVariance, double crossVariance, double falseDensity)
    {
        var score = new TrackScore(Configuration());

        var increment = score.HitIncrement(FromNats(nis), Variance(rangeVariance), Variance(crossVariance), FromNats(Math.Log(falseDensity)));

        // ln[Pd N(ν; 0, S) / β] with |S| = s_range · s_cross.
        var expected = Math.Log(0.85) - Math.Log(falseDensity) - Math.Log(2 * Math.PI * Math.Sqrt(rangeVariance * crossVariance)) - (nis / 2);
        Assert.Equal(expected, Nats(increment), 1e-6);
    }

    [Fact]
    public void HitIncrement_IdentityPlotFarOutsideTheGate_ChargedAsAtTheGate()
    {
        var score = new TrackScore(Configuration());
        var logDensity = FromNats(Math.Log(4e-9));

        var atGate = score.HitIncrement(Q31x32.FromInteger(14), Variance(10_000), Variance(2_500), logDensity);
        var far = score.HitIncrement(Q31x32.FromInteger(400), Variance(10_000), Variance(2_500), logDensity);

        // RadarGateNis 14: -7 nats at most, not -200 (which would drop a confirmed track at its peak).
        var expected = Math.Log(0.85 / 4e-9) - Math.Log(2 * Math.PI * Math.Sqrt(10_000.0 * 2_500)) - 7;
        Assert.Equal(expected, Nats(far), 1e-6);
        Assert.Equal(atGate, far);
    }

    [Fact]
    public void HitIncrement_NoInnovationVariance_NoCreditNoBlame()
    {
        var score = new TrackScore(Configuration());

        Assert.Equal(0, score.HitIncrement(FromNats(1), 0, Variance(100), FromNats(Math.Log(1e-8))));
    }

    [Fact]
    public void Add_BeyondTheCeiling_HeldAtPlusOrMinusTwentyNats()
    {
        var score = new TrackScore(Configuration());

        Assert.Equal(20.0, Nats(score.Add(FromNats(15), FromNats(7.5))), Tolerance);
        Assert.Equal(-20.0, Nats(score.Add(FromNats(-15), FromNats(-7.5))), Tolerance);
        Assert.Equal(3.25, Nats(score.Add(FromNats(1), FromNats(2.25))), Tolerance);
    }

    [Fact]
    public void ConfirmsAndDeletes_SequenceOfHitsAndMisses_MatchesTheDoubleSum()
    {
        var score = new TrackScore(Configuration());
        var density = 4e-9;
        var logDensity = FromNats(Math.Log(density));

        // A first plot, two hits with shrinking innovation covariances, then misses.
        var expected = Math.Log(0.85 * 1e-9 / density);
        var value = score.Initial(logDensity, identified: false);
        Assert.False(score.Confirms(value, 4_000_000));
        foreach (var (nis, sr, sc) in new[] { (0.8, 640_000.0, 600_000.0), (1.2, 16_000.0, 9_000.0) })
        {
            expected += Math.Log(0.85 / density) - Math.Log(2 * Math.PI * Math.Sqrt(sr * sc)) - (nis / 2);
            value = score.Add(value, score.HitIncrement(FromNats(nis), Variance(sr), Variance(sc), logDensity));
        }

        Assert.Equal(expected, Nats(value), 1e-6);
        Assert.True(expected >= Math.Log(0.99 / 1e-4));
        Assert.True(score.Confirms(value, 4_000_000));

        // Confirmed with its peak here: four misses lose 4 ln(1/0.15) = 7.6 nats < 9, five lose 9.5.
        var peak = value;
        for (var miss = 1; miss <= 5; miss++)
        {
            value = score.Add(value, score.MissIncrement);
            Assert.Equal(miss == 5, score.Deletes(value, peak, confirmed: true));
        }

        // Tentative: a fall of ln(β / (1 - α)) = 4.6 nats below the peak deletes (three misses: 5.7).
        var tentative = FromNats(2);
        Assert.False(score.Deletes(tentative + (2 * score.MissIncrement), FromNats(2), confirmed: false));
        Assert.True(score.Deletes(tentative + (3 * score.MissIncrement), FromNats(2), confirmed: false));
    }

    [Fact]
    public void Constructor_ProbabilityOutsideZeroToOne_Rejected()
    {
        var configuration = Configuration();
        configuration.ScoreDetectionProbabilityPercent = 100;

        Assert.Throws<ArgumentOutOfRangeException>(() => new TrackScore(configuration));
    }

    private static double Nats(long raw) => raw / (double)Q31x32.One;

    private static long FromNats(double nats) => (long)Math.Round(nats * Q31x32.One);

    private static long Variance(double squareMetres) => (long)Math.Round(squareMetres * Q39x24.One);
}

using Picket.Numerics;

namespace Picket.Tracking.Filter;

public class TrackFilterTests
{
    private const double Q32 = 4294967296.0;
    private const double Q24 = 16777216.0;

    private static TrackFilter Started(TargetClass targetClass = TargetClass.Airliner)
    {
        var filter = new TrackFilter { TargetClass = targetClass };
        filter.Initialise(1_000_000, Q31x32.FromInteger(1000), Q31x32.FromInteger(-2000), Q39x24.FromInteger(100), Q31x32.FromInteger(200), 0, Q39x24.FromInteger(4));
        return filter;
    }

    [Fact]
    public void Predict_TenSeconds_MovesByVelocityAndGrowsCovarianceByTheNcvFormulas()
    {
        var filter = Started();
        Assert.True(filter.Predict(11_000_000));

        // x = 1000 + 200 × 10; P_xx = 100 + 10² × 4 + q × 10³ / 3 (q = 1); P_xv = 10 × 4 + q × 10² / 2;
        // P_vv = 4 + q × 10 (Bar-Shalom et al. 2001, §6.2.2).
        Assert.Equal(3000, filter.Horizontal.Mean[0] / Q32, 9);
        Assert.Equal(100 + 400 + 1000.0 / 3, filter.Horizontal.CovarianceAt(0, 0) / Q24, 6);
        Assert.Equal(40 + 50, filter.Horizontal.CovarianceAt(0, 2) / Q24, 6);
        Assert.Equal(14, filter.Horizontal.CovarianceAt(2, 2) / Q24, 6);
        Assert.Equal(0, filter.Horizontal.CovarianceAt(0, 1));
        Assert.Equal(0, filter.SaturationCount);
    }

    [Fact]
    public void Predict_EarlierTime_ReturnsFalseAndChangesNothing()
    {
        var filter = Started();
        long[] before = (long[])filter.Horizontal.Covariance.Clone();
        Assert.False(filter.Predict(999_999));
        Assert.Equal(before, filter.Horizontal.Covariance);
        Assert.Equal(1_000_000, filter.TimeMicroseconds);
    }

    [Fact]
    public void UpdateEast_ScalarMeasurement_MatchesClosedFormKalmanUpdate()
    {
        var filter = Started();

        // P = 100, r = 300, ν = 1040 - 1000 = 40: s = 400, k = 0.25, x = 1010, P = 75, NIS = 4.
        long nis = filter.UpdateEast(Q31x32.FromInteger(1040), Q39x24.FromInteger(300));
        // NIS goes through ν/s in Q31.32 (0.1 is not exact there): within 1e-8.
        Assert.Equal(4, nis / Q32, 8);
        Assert.Equal(1010, filter.Horizontal.Mean[0] / Q32, 9);
        Assert.Equal(75, filter.Horizontal.CovarianceAt(0, 0) / Q24, 6);
        Assert.Equal(-2000, filter.Horizontal.Mean[1] / Q32, 9);
    }

    [Fact]
    public void UpdateEast_TinyMeasurementNoise_VarianceStopsAtTheFloor()
    {
        var filter = Started();
        filter.UpdateEast(Q31x32.FromInteger(1000), 1);
        Assert.Equal(TrackFilter.DefaultPositionVarianceFloor, filter.Horizontal.CovarianceAt(0, 0));
    }

    [Fact]
    public void UpdateRadar_NorthAzimuth_RangeCorrectsNorthAndCrossRangeCorrectsEast()
    {
        var filter = new TrackFilter();
        filter.Initialise(0, Q31x32.FromInteger(30), Q31x32.FromInteger(10_000), Q39x24.FromInteger(100), 0, 0, Q39x24.FromInteger(1));

        // Azimuth 0 (north): range axis = north, cross axis = east. Measured range 10,040 m with
        // r = 100 m² → north 10,020 m; cross-range 0 with r = 100 m² → east 15 m. NIS = 8 + 4.5.
        long nis = filter.UpdateRadar(0, 0, Q31x32.FromInteger(10_040), 0, Q2x61.One, Q39x24.FromInteger(100), Q39x24.FromInteger(100));
        Assert.Equal(10_020, filter.Horizontal.Mean[1] / Q32, 6);
        Assert.Equal(15, filter.Horizontal.Mean[0] / Q32, 6);
        Assert.Equal(12.5, nis / Q32, 6);
    }

    [Fact]
    public void UpdatePositionInFrame_LooseAlongTightAcross_ClosedFormInTheRotatedFrame()
    {
        var filter = new TrackFilter();
        filter.Initialise(0, 0, 0, Q39x24.FromInteger(100), 0, 0, Q39x24.FromInteger(1));

        // Direction (0.6, 0.8); the position (30, 40) is 50 m along it, 0 across. Along: S = 100
        // + 900, gain 0.1, estimate 5 m along = (3, 4), variance 90; across: no innovation,
        // variance 100 · 100 / 200 = 50. NIS = 50² / 1,000 = 2.5.
        long nis = filter.UpdatePositionInFrame(Q31x32.FromInteger(30), Q31x32.FromInteger(40), (long)(0.6 * Q2x61.One), (long)(0.8 * Q2x61.One), Q39x24.FromInteger(900), Q39x24.FromInteger(100));

        Assert.Equal(3, filter.Horizontal.Mean[0] / Q32, 4);
        Assert.Equal(4, filter.Horizontal.Mean[1] / Q32, 4);
        Assert.Equal(2.5, nis / Q32, 4);

        // East variance = 0.36 · 90 + 0.64 · 50 = 64.4 m²; north = 0.64 · 90 + 0.36 · 50 = 75.6 m².
        Assert.Equal(64.4, filter.Horizontal.CovarianceAt(0, 0) / 16_777_216.0, 3);
        Assert.Equal(75.6, filter.Horizontal.CovarianceAt(1, 1) / 16_777_216.0, 3);
    }

    [Fact]
    public void UpdateRadar_RadarOffsetFromMast_MeasuresFromTheRadar()
    {
        var filter = new TrackFilter();
        filter.Initialise(0, Q31x32.FromInteger(10_030), Q31x32.FromInteger(20_000), Q39x24.FromInteger(100), 0, 0, Q39x24.FromInteger(1));

        // A radar 10 km east of the mast sees the target due north of itself (azimuth 0) at
        // 19,960 m: with equal variances north → 19,980 m and east → 10,015 m, NIS = 8 + 4.5.
        long nis = filter.UpdateRadar(Q31x32.FromInteger(10_000), 0, Q31x32.FromInteger(19_960), 0, Q2x61.One, Q39x24.FromInteger(100), Q39x24.FromInteger(100));
        Assert.Equal(19_980, filter.Horizontal.Mean[1] / Q32, 6);
        Assert.Equal(10_015, filter.Horizontal.Mean[0] / Q32, 6);
        Assert.Equal(8 + 4.5, nis / Q32, 6);
    }

    [Fact]
    public void CopyFrom_TrialUpdateOnScratch_LeavesTheTrackUntouched()
    {
        var track = Started();
        var scratch = new TrackFilter();
        scratch.CopyFrom(track);
        long trialNis = scratch.UpdateNorth(Q31x32.FromInteger(-1980), Q39x24.FromInteger(300));

        Assert.Equal(1, trialNis / Q32, 8);
        Assert.Equal(-2000, track.Horizontal.Mean[1] / Q32, 9);
        Assert.Equal(Q39x24.FromInteger(100), track.Horizontal.CovarianceAt(1, 1));
    }

    [Fact]
    public void Predict_CoastingTwoDaysAsAFighter_SaturatesVisiblyInsteadOfWrapping()
    {
        var filter = Started(TargetClass.Fighter);

        // q dt³ / 3 = 400 × (172,800 s)³ / 3 ≈ 6.9e17 m², far beyond Q39.24's 5.5e11.
        Assert.True(filter.Predict(172_800_000_000));
        Assert.True(filter.SaturationCount > 0);
        // q dt² already saturates; the result stays huge and positive, never wrapped negative.
        Assert.True(filter.Horizontal.CovarianceAt(0, 0) > Q39x24.FromInteger(100_000_000_000));
        Assert.True(filter.Horizontal.CovarianceAt(2, 2) > 0);
        Assert.True(filter.Horizontal.CovarianceAt(0, 2) > 0);
    }

    [Fact]
    public void ProcessNoiseDensity_Classes_OrderedDroneAirlinerFighterBySeverity()
    {
        long airliner = ProcessNoiseDensity.For(TargetClass.Airliner).HorizontalSquareMetresPerCubicSecond;
        long fighter = ProcessNoiseDensity.For(TargetClass.Fighter).HorizontalSquareMetresPerCubicSecond;
        Assert.Equal(Q39x24.FromInteger(1), airliner);
        Assert.Equal(Q39x24.FromInteger(400), fighter);
    }
}

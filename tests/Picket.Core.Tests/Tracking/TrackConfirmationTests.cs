using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Life;

namespace Picket.Tracking;

/// <summary>
/// The initiation and confirmation role alone, on hand-made tracks: the displacement and velocity
/// rules of a primary-only track (README, "initiation and confirmation") and the score's charge
/// for missed scans (ln(1 − Pd) each, Blackman and Popoli §6.2, evaluated here with Math.Log).
/// </summary>
public class TrackConfirmationTests
{
    private const long Start = 1_000_000_000_000;

    [Fact]
    public void HasMoved_HalfwayAtTheScanBeforeThenPastTheMinimum_True()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 150, positionVariance: 100, velocityEast: 0, velocityVariance: 100);

        // 150 m: past half of 200 m (4 d² = 90,000 ≥ 40,000 m²) but not 200 m itself.
        Assert.False(confirmation.HasMoved(track, newScan: true));

        // Next scan at 250 m: halfway before, d² = 62,500 ≥ max(200², 4 (100 + 100)) and NIS 2 ≤ 9.
        Move(track, 250);
        track.LastNis = Q31x32.FromInteger(2);
        Assert.True(confirmation.HasMoved(track, newScan: true));
    }

    [Fact]
    public void HasMoved_OneStepPastTheMinimum_FalseUntilTheNextScan()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 250, positionVariance: 100, velocityEast: 0, velocityVariance: 100);

        // A jump, not a motion: at the scan before it was still at its birth plot.
        Assert.False(confirmation.HasMoved(track, newScan: true));

        // A second plot of the same scan does not move the "scan before" on.
        Assert.False(confirmation.HasMoved(track, newScan: false));
        Assert.True(confirmation.HasMoved(track, newScan: true));
    }

    [Fact]
    public void HasMoved_CompletingPlotDoesNotFitTheTrack_False()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 150, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        confirmation.HasMoved(track, newScan: true);
        Move(track, 250);

        // NIS 12 > ConfirmMaximumNis 9: a track that jumped onto another reflector.
        track.LastNis = Q31x32.FromInteger(12);

        Assert.False(confirmation.HasMoved(track, newScan: true));
    }

    [Fact]
    public void HasMoved_UncertaintyLargerThanTheMinimum_NeedsTwoSigmas()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());

        // σ 100 m at birth and now: 4 (10,000 + 10,000) = 80,000 m², i.e. 283 m; 250 m is not enough.
        var track = PrimaryTrack(eastMetres: 150, positionVariance: 10_000, velocityEast: 0, velocityVariance: 100);
        confirmation.HasMoved(track, newScan: true);
        Move(track, 250);
        Assert.False(confirmation.HasMoved(track, newScan: true));

        Move(track, 290);
        Assert.True(confirmation.HasMoved(track, newScan: true));
    }

    [Fact]
    public void HasMoved_ThreeSigmasConfigured_NeedsThreeSigmas()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration { ConfirmDisplacementSigmas = 3 }, new TrackerCounters());

        // σ 100 m at birth and now: 9 (10,000 + 10,000) = 180,000 m², i.e. 424 m; 290 m is not enough.
        var track = PrimaryTrack(eastMetres: 150, positionVariance: 10_000, velocityEast: 0, velocityVariance: 100);
        confirmation.HasMoved(track, newScan: true);
        Move(track, 290);
        Assert.False(confirmation.HasMoved(track, newScan: true));

        Move(track, 430);
        Assert.True(confirmation.HasMoved(track, newScan: true));
    }

    [Fact]
    public void HasMoved_CooperativeOrRuleOff_AlwaysTrue()
    {
        var identified = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        identified.HasMode3A = true;
        Assert.True(new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters()).HasMoved(identified, newScan: true));

        var primary = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        Assert.True(new TrackConfirmation(new TrackerConfiguration { ConfirmMinimumDisplacementMetres = 0 }, new TrackerCounters()).HasMoved(primary, newScan: true));
    }

    [Fact]
    public void HasSignificantVelocity_ChiSquareNineTwoScansInARow_True()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());

        // 6 m/s east with σ_v 2 m/s: v² / σ² = 9 ≥ 8, below the at-once 20.
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 6, velocityVariance: 4);
        Assert.False(confirmation.HasSignificantVelocity(track, newScan: true));
        Assert.False(confirmation.HasSignificantVelocity(track, newScan: false));
        Assert.True(confirmation.HasSignificantVelocity(track, newScan: true));
    }

    [Theory]
    [InlineData(10, true)] // 100 / 4 = 25 ≥ 20: at once
    [InlineData(5, false)] // 25 / 4 = 6.25 < 8: never
    public void HasSignificantVelocity_FirstScan_OnlyBeyondTheAtOnceChiSquare(int velocityEast, bool expected)
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: velocityEast, velocityVariance: 4);

        Assert.Equal(expected, confirmation.HasSignificantVelocity(track, newScan: true));
    }

    [Fact]
    public void UsesScore_RadarTrackUnderTheScoreRule_UntilAnAdsbPosition()
    {
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        var scored = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var fixedRule = new TrackConfirmation(new TrackerConfiguration { LifeRule = TrackLifeRule.MOfN }, new TrackerCounters());

        Assert.True(scored.UsesScore(track));
        Assert.False(fixedRule.UsesScore(track));
        track.LastAdsbPositionMicroseconds = Start;
        Assert.False(scored.UsesScore(track));
    }

    [Fact]
    public void ScoreKeeps_MissesChargedOnceEach_ConfirmedDeletedNineNatsBelowItsPeak()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        track.Status = TrackStatus.Confirmed;
        track.Score = Q31x32.FromInteger(5);
        track.ScorePeak = track.Score;

        track.Misses = 1;
        Assert.True(confirmation.ScoreKeeps(track));
        Assert.Equal(5 + Math.Log(1 - 0.85), Nats(track.Score), 1e-6);

        // The same miss again is not charged twice.
        Assert.True(confirmation.ScoreKeeps(track));
        Assert.Equal(5 + Math.Log(1 - 0.85), Nats(track.Score), 1e-6);

        // Six misses: 5 + 6 ln 0.15 = -6.4 ≤ 5 - 9.
        track.Misses = 6;
        Assert.False(confirmation.ScoreKeeps(track));
        Assert.Equal(5 + (6 * Math.Log(1 - 0.85)), Nats(track.Score), 1e-6);
    }

    [Fact]
    public void ScoreKeeps_TentativeAtTheMissCap_Deleted()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        track.Score = Q31x32.FromInteger(15);
        track.ScorePeak = track.Score;

        track.Misses = 1;
        Assert.True(confirmation.ScoreKeeps(track));
        track.Misses = 2;
        Assert.False(confirmation.ScoreKeeps(track));
    }

    [Fact]
    public void NoteMotionSinceConfirmation_PlotsScatterAroundTheConfirmingOne_NoMotionUntilOneIsFourSigmasAway()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        Plot(track, 0, 0, variance: 2_500);
        track.Status = TrackStatus.Confirmed;
        confirmation.StartMotionWatch(track);
        Assert.False(track.MotionShown);

        // σ 50 m each: the difference has σ 70.7 m, four of them 283 m (more than the 200 m minimum).
        Plot(track, 150, 200, variance: 2_500); // 250 m
        confirmation.NoteMotionSinceConfirmation(track);
        Assert.False(track.MotionShown);

        Plot(track, 0, 290, variance: 2_500); // 290 m
        confirmation.NoteMotionSinceConfirmation(track);
        Assert.True(track.MotionShown);
    }

    [Fact]
    public void StartMotionWatch_TrackWithAnIdentityOrAdsb_FreeAtOnce()
    {
        var confirmation = new TrackConfirmation(new TrackerConfiguration(), new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        Plot(track, 0, 0, variance: 2_500);
        track.Status = TrackStatus.Confirmed;
        track.HasMode3A = true;
        confirmation.StartMotionWatch(track);
        Assert.True(track.MotionShown);

        // Waiting, then an ADS-B position: free at its next plot, wherever it is.
        track.HasMode3A = false;
        confirmation.StartMotionWatch(track);
        Assert.False(track.MotionShown);
        track.LastAdsbPositionMicroseconds = Start;
        confirmation.NoteMotionSinceConfirmation(track);
        Assert.True(track.MotionShown);
    }

    [Fact]
    public void ScoreHit_TentativeTrackOnAPersistentScatterer_EveryScansPlotIsLearntAsClutter()
    {
        // One plot a scan at one point, all claimed by the tentative track sitting on it: each is
        // clutter evidence, so after ten scans its cell is denser than after the starting plot
        // alone; a confirmed track's plots are not.
        var tentative = CellDensityAfterTenScans(TrackStatus.Tentative);
        var confirmed = CellDensityAfterTenScans(TrackStatus.Confirmed);

        Assert.True(tentative > confirmed, $"tentative {tentative}, confirmed {confirmed} (ln density)");
    }

    private static long CellDensityAfterTenScans(TrackStatus status)
    {
        var configuration = new TrackerConfiguration();
        var confirmation = new TrackConfirmation(configuration, new TrackerCounters());
        var track = PrimaryTrack(eastMetres: 0, positionVariance: 100, velocityEast: 0, velocityVariance: 100);
        var plot = new Picket.Radar.RadarMeasurement { SensorId = 7, RangeMillimetres = 2_000_000, AzimuthMicrodegrees = 45_000_000 };
        confirmation.Clutter.AdvanceTo(Start, configuration.ScanPeriodMicroseconds);
        confirmation.ScoreHit(track, ref plot, started: true, newScan: true);
        track.Status = status;
        for (var scan = 1; scan <= 10; scan++)
        {
            confirmation.Clutter.AdvanceTo(Start + (scan * configuration.ScanPeriodMicroseconds), configuration.ScanPeriodMicroseconds);
            confirmation.ScoreHit(track, ref plot, started: false, newScan: true);
        }

        return confirmation.Clutter.LogDensity(7, 2_000_000, 45_000_000);
    }

    private static Track PrimaryTrack(int eastMetres, long positionVariance, int velocityEast, long velocityVariance)
    {
        var track = new Track(0);
        track.Reset(1, Start);
        track.Filter.Initialise(Start, Q31x32.FromInteger(eastMetres), 0, Q39x24.FromInteger(positionVariance), Q31x32.FromInteger(velocityEast), 0, Q39x24.FromInteger(velocityVariance));
        track.BirthVariance = Q39x24.FromInteger(positionVariance);
        return track;
    }

    private static void Move(Track track, int eastMetres)
    {
        var horizontal = track.Filter.Horizontal;
        track.Filter.Initialise(track.Filter.TimeMicroseconds, Q31x32.FromInteger(eastMetres), 0, horizontal.CovarianceAt(0, 0), horizontal.Mean[2], horizontal.Mean[3], horizontal.CovarianceAt(2, 2));
    }

    private static void Plot(Track track, int eastMetres, int northMetres, long variance)
    {
        track.LastPlotEast = Q31x32.FromInteger(eastMetres);
        track.LastPlotNorth = Q31x32.FromInteger(northMetres);
        track.LastPlotVariance = Q39x24.FromInteger(variance);
        track.HasLastPlot = true;
    }

    private static double Nats(long q31x32) => q31x32 / 4294967296.0;
}

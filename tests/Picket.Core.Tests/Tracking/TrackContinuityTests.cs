using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// The continuity role alone, on hand-made tracks: which coasting track a newly confirmable one
/// continues (README: same kind, within 6 σ of both and 10 km, velocities within 150 m/s plus its
/// speed × 3°/s × the coast; or, for a track broken by a hard turn, the new track born within
/// 10 s of its last update where a 15°/s turn reaches), and what the resumed track takes over. Expected gates computed by
/// hand from the covariances set here.
/// </summary>
public class TrackContinuityTests
{
    private const long Start = 1_000_000_000_000;

    [Fact]
    public void FindCoastingToResume_CandidateWhereTheCoastingTrackIsPredicted_ThatTrack()
    {
        var (continuity, tracks) = Scene();

        // The coasting track flies east at 100 m/s from 0; 4 s later it is predicted at 400 m.
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 100);

        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));
    }

    [Fact]
    public void FindCoastingToResume_CoastingTrackReportedPastTheCandidatesPlot_StillFound()
    {
        var (continuity, tracks) = Scene();

        // As the first case, but a report predicted the coasting track on to 6 s (the data time)
        // before the candidate's plot of 4 s was processed: both are compared at 6 s (the
        // candidate at 620 m, the track at 600 m). It was skipped as "updated after the plot".
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        coasting.Status = TrackStatus.Coasting;
        coasting.Filter.Predict(Start + 6_000_000);
        var candidate = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 100);

        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));

        // A track updated after the candidate's plot is no predecessor of it.
        coasting.LastUpdateMicroseconds = Start + 5_000_000;
        Assert.Null(continuity.FindCoastingToResume(candidate));
    }

    [Theory]
    [InlineData(1_200, true)] // 800 m from the prediction: inside 6 √(10,400 + 10,000) = 857 m
    [InlineData(1_300, false)] // 900 m: outside
    public void FindCoastingToResume_GateOfBothUncertainties_SixSigmas(int candidateEastMetres, bool resumed)
    {
        var (continuity, tracks) = Scene();

        // Predicted variance of the coasting track 4 s on: 10,000 + 4² × 25 = 10,400 m² (no cross term).
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 4_000_000, eastMetres: candidateEastMetres, velocityEast: 100);

        Assert.Equal(resumed, continuity.FindCoastingToResume(candidate) == coasting);
    }

    [Fact]
    public void FindCoastingToResume_NotCoastingOtherIdentityFedByAdsbOrTooFast_None()
    {
        var (continuity, tracks) = Scene();
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        var candidate = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 100);

        // Confirmed, not coasting.
        coasting.Status = TrackStatus.Confirmed;
        Assert.Null(continuity.FindCoastingToResume(candidate));
        coasting.Status = TrackStatus.Coasting;

        // Different Mode 3/A codes: two aircraft.
        coasting.HasMode3A = true;
        coasting.Mode3A = 0x1200;
        candidate.HasMode3A = true;
        candidate.Mode3A = 0x7000;
        Assert.Null(continuity.FindCoastingToResume(candidate));
        candidate.Mode3A = 0x1200;
        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));

        // An ADS-B-fed track is never resumed by a radar track.
        coasting.LastAdsbPositionMicroseconds = Start;
        Assert.Null(continuity.FindCoastingToResume(candidate));
        coasting.LastAdsbPositionMicroseconds = Track.NeverMicroseconds;

        // Speeds 200 m/s apart, 4 s into the coast: beyond 150 + 100 m/s × 3°/s × 4 s (21 m/s).
        var fast = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 300);
        fast.HasMode3A = true;
        fast.Mode3A = 0x1200;
        Assert.Null(continuity.FindCoastingToResume(fast));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(0, false)]
    public void FindCoastingToResume_TargetTurnedWhileItsTrackCoasted_SpeedLimitGrowsWithTheCoast(int turnRateDegrees, bool resumed)
    {
        var tracks = new[] { new Track(0), new Track(0) };
        var configuration = new TrackerConfiguration { ResumeCoastingTurnRateDegreesPerSecond = turnRateDegrees };
        var continuity = new TrackContinuity(configuration, tracks, new TrackerCounters());

        // East at 250 m/s, then 20 s of a 2°/s turn (radius 250 / 0.0349 = 7,162 m) while the
        // track coasted straight on to (5,000, 0): the target is at (7,162 sin 40°,
        // 7,162 (1 − cos 40°)) = (4,604, 1,676) flying (191.5, 160.7) m/s, 171 m/s from the
        // track's velocity (over 150) and within 150 + 250 × 0.0524 × 20 = 412. σ_v 50 m/s: the
        // 6 σ gate is 6 km.
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250, velocityVariance: 2_500);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 20_000_000, eastMetres: 4_604, velocityEast: 191, northMetres: 1_676, velocityNorth: 161);

        Assert.Equal(resumed, continuity.FindCoastingToResume(candidate) == coasting);
    }

    [Fact]
    public void FindCoastingToResume_TurnThroughThreeMissedScansAndTheConfirmation_FoundMoreThan5KilometresOff()
    {
        var (continuity, tracks) = Scene();

        // The gulf's bandit: east at 250 m/s into a 2°/s turn; three missed scans of a 5 s radar
        // and three plots to confirm its new track make a 36 s coast. The target is at
        // (7,162 sin 72°, 7,162 (1 − cos 72°)) = (6,811, 4,949) flying (77, 238) m/s; the track
        // coasted straight on to (9,000, 0): 5,412 m off, beyond the earlier 5 km limit, inside
        // the turn's allowance (250 × 0.0524 × 36² / 2 = 8.5 km) and 294 m/s from the track's
        // velocity (under 150 + 250 × 0.0524 × 36 = 621).
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250, velocityVariance: 2_500);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 36_000_000, eastMetres: 6_811, velocityEast: 77, northMetres: 4_949, velocityNorth: 238);

        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));
    }

    [Theory]
    [InlineData(15, 4_000_000, 0, true)] // born one scan after the track's last update, on the turn
    [InlineData(0, 4_000_000, 0, false)] // the hard-turn rule off: 3°/s alone does not explain it
    [InlineData(15, 12_000_000, 0, false)] // born 12 s after: beyond the 10 s for a track broken by a turn
    [InlineData(15, 4_000_000, 1_500, false)] // born 1.5 km further out than the turn reaches
    public void FindCoastingToResume_HardTurnBrokeTheTrack_FoundFromTheNewTracksBirth(int hardTurnDegrees, long bornAfterMicroseconds, int birthOffsetNorthMetres, bool resumed)
    {
        var tracks = new[] { new Track(0), new Track(0) };
        var configuration = new TrackerConfiguration { ResumeHardTurnRateDegreesPerSecond = hardTurnDegrees };
        var continuity = new TrackContinuity(configuration, tracks, new TrackerCounters());

        // Manoeuvres' s-turns: east at 250 m/s into an 11°/s turn (radius 250 / 0.19199 =
        // 1,302 m), a reversal in 16 s. Its track coasted straight on. After 4 s the target is at
        // (1,302 sin 44°, 1,302 (1 − cos 44°)) = (905, 366), 378 m from the coasting prediction
        // (1,000, 0), within the hard turn's 250 × 0.2618 × 4² / 2 = 524 m; the new track born
        // there is confirmed at 16 s at (1,302 sin 176°, 1,302 (1 − cos 176°)) = (91, 2,601)
        // flying (−249, 17) m/s: 4.8 km from the coasting prediction (4,000, 0) and 500 m/s from
        // its velocity, over 150 + 250 × 0.0524 × 16 = 359 (3°/s) and under 150 + 2 × 250 (the
        // hard turn's allowance, capped at a reversal).
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 16_000_000, eastMetres: 91, velocityEast: -249, northMetres: 2_601, velocityNorth: 17);
        candidate.BornMicroseconds = Start + bornAfterMicroseconds;
        candidate.BirthEast = Q31x32.FromInteger(905);
        candidate.BirthNorth = Q31x32.FromInteger(366 + birthOffsetNorthMetres);
        candidate.BirthVariance = Q39x24.FromInteger(10_000);

        Assert.Equal(resumed, continuity.FindCoastingToResume(candidate) == coasting);
    }

    [Fact]
    public void FindCoastingToResume_HardTurn_VelocityBeyondAReversal_None()
    {
        var (continuity, tracks) = Scene();

        // Born on the turn as above, but confirmed flying 700 m/s: more than 150 + 2 × 250 m/s
        // from the coasting track's velocity, which no turn of a 250 m/s target explains.
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250);
        coasting.Status = TrackStatus.Coasting;
        var candidate = Place(tracks[1], 2, Start + 16_000_000, eastMetres: 91, velocityEast: -450, northMetres: 2_601);
        candidate.BornMicroseconds = Start + 4_000_000;
        candidate.BirthEast = Q31x32.FromInteger(905);
        candidate.BirthNorth = Q31x32.FromInteger(366);
        candidate.BirthVariance = Q39x24.FromInteger(10_000);

        Assert.Null(continuity.FindCoastingToResume(candidate));
    }

    [Fact]
    public void FindCoastingToResume_EarlyTwoPlotTrackOnTheTurn_Found()
    {
        var (continuity, tracks) = Scene();

        // The s-turns as above, the new track after its second plot: born at 4 s at (905, 366),
        // at 8 s at (1,302 sin 88°, 1,302 (1 − cos 88°)) = (1,301, 1,257), its velocity the chord
        // ((1,301 − 905) / 4, (1,257 − 366) / 4) = (99, 223) m/s, σ 50 m/s. It differs from the
        // coasting track's (250, 0) by (−151, 223): χ² = (151² + 223²) / (25 + 2,500) = 28.7,
        // over 6 (the 95 % point of two degrees of freedom).
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250);
        coasting.Status = TrackStatus.Coasting;
        coasting.Filter.TargetClass = Filter.TargetClass.Unknown;
        var candidate = Place(tracks[1], 2, Start + 8_000_000, eastMetres: 1_301, velocityEast: 99, velocityVariance: 2_500, northMetres: 1_257, velocityNorth: 223);
        candidate.BornMicroseconds = Start + 4_000_000;
        candidate.BirthEast = Q31x32.FromInteger(905);
        candidate.BirthNorth = Q31x32.FromInteger(366);
        candidate.BirthVariance = Q39x24.FromInteger(10_000);

        Assert.Same(coasting, continuity.FindCoastingToResume(candidate, early: true));

        // A drone's coasting track is found only at confirmation: its turns stay in its gate,
        // and two plots near it in clutter are often clutter's.
        coasting.Filter.TargetClass = Filter.TargetClass.Drone;
        Assert.Null(continuity.FindCoastingToResume(candidate, early: true));
        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));
    }

    [Theory]
    [InlineData(0, false)] // the wingman's velocity is the leader's: no turn shown
    [InlineData(60, false)] // 60 m/s off: χ² = 3,600 / 2,525 = 1.4, under 6
    [InlineData(130, true)] // 130 m/s off: χ² = 6.7
    public void FindCoastingToResume_EarlyTwoPlotTrackBesideTheCoastingTrack_FoundOnlyWhenItsVelocityShowsATurn(int northVelocity, bool early)
    {
        var (continuity, tracks) = Scene();

        // A wingman's new track born 500 m north of its leader's coasting track, one scan after
        // the leader's last update, flying its velocity: within 6 √(11,600 + 10,000) = 882 m of
        // the leader's prediction at 8 s, so found at confirmation (the rules above) but not early.
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 250);
        coasting.Status = TrackStatus.Coasting;
        coasting.Filter.TargetClass = Filter.TargetClass.Unknown;
        var candidate = Place(tracks[1], 2, Start + 8_000_000, eastMetres: 2_000, velocityEast: 250, velocityVariance: 2_500, northMetres: 500, velocityNorth: northVelocity);
        candidate.BornMicroseconds = Start + 4_000_000;
        candidate.BirthEast = Q31x32.FromInteger(1_000);
        candidate.BirthNorth = Q31x32.FromInteger(500);
        candidate.BirthVariance = Q39x24.FromInteger(10_000);

        Assert.Equal(early, continuity.FindCoastingToResume(candidate, early: true) == coasting);
        Assert.Same(coasting, continuity.FindCoastingToResume(candidate));
    }

    [Fact]
    public void Resume_CoastingTrackTakesTheNewTracksHeightBank()
    {
        var (continuity, tracks) = Scene();
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        coasting.Status = TrackStatus.Coasting;
        coasting.Heights.Start(0, Q31x32.FromInteger(6_000), 7);
        var found = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 100);
        found.Heights.Start(0, Q31x32.FromInteger(12_000), 13);

        continuity.Resume(coasting, found);

        Assert.Equal(13, coasting.Heights.Count);
        Assert.Equal(Q31x32.FromInteger(1_000), coasting.Heights.Spacing);
    }

    [Fact]
    public void Resume_CoastingTrackTakesTheNewStateKeepsItsIdAndAddsTheEvidence()
    {
        var (continuity, tracks) = Scene();
        var counters = new TrackerCounters();
        continuity = new TrackContinuity(new TrackerConfiguration(), tracks, counters);
        var coasting = Place(tracks[0], 1, Start, eastMetres: 0, velocityEast: 100);
        coasting.Status = TrackStatus.Coasting;
        coasting.Misses = 2;
        coasting.RadarHits = 10;
        var found = Place(tracks[1], 2, Start + 4_000_000, eastMetres: 420, velocityEast: 100);
        found.RadarHits = 3;
        found.HasMode3A = true;
        found.Mode3A = 0x1200;

        continuity.Resume(coasting, found);

        Assert.Equal(1, coasting.TrackId);
        Assert.Equal(TrackStatus.Confirmed, coasting.Status);
        Assert.Equal(0, coasting.Misses);
        Assert.Equal(13, coasting.RadarHits);
        Assert.Equal(Q31x32.FromInteger(420), coasting.Filter.Horizontal.Mean[0]);
        Assert.Equal(Start + 4_000_000, coasting.Filter.TimeMicroseconds);
        Assert.True(coasting.HasMode3A);
        Assert.Equal(0x1200, coasting.Mode3A);
        Assert.Equal(1, counters.TracksResumed);
    }

    private static (TrackContinuity Continuity, Track[] Tracks) Scene()
    {
        var tracks = new[] { new Track(0), new Track(0) };
        return (new TrackContinuity(new TrackerConfiguration(), tracks, new TrackerCounters()), tracks);
    }

    // σ 100 m per position axis, σ 5 m/s per velocity axis unless told.
    private static Track Place(Track track, long id, long time, int eastMetres, int velocityEast, int velocityVariance = 25, int northMetres = 0, int velocityNorth = 0)
    {
        track.Reset(id, time);
        track.Filter.Initialise(time, Q31x32.FromInteger(eastMetres), Q31x32.FromInteger(northMetres), Q39x24.FromInteger(10_000), Q31x32.FromInteger(velocityEast), Q31x32.FromInteger(velocityNorth), Q39x24.FromInteger(velocityVariance));
        return track;
    }
}

using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Truth;

namespace Picket.Simulation.Evaluation;

/// <summary>
/// The evaluator on constructed tracker outputs whose scores follow from the definitions: a
/// perfect tracker, a biased one, duplicated, swapped and false tracks, and zone alerts.
/// </summary>
public class TrackingEvaluatorTests
{
    private static readonly GeoPosition Site = new(59.5, 26.5, 50);

    [Fact]
    public void Finish_PerfectTracker_ScoresPerfectly()
    {
        var (evaluator, truths) = Setup(targets: 2, seconds: 60);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, trackId: 100 + truth.TargetIndex));
        }

        var report = evaluator.Finish("perfect");

        Assert.Equal(0, report.MeanGospaMetres, 1e-6);
        Assert.Equal(0, report.PositionRmseMetres, 1e-6);
        Assert.Equal(1, report.Completeness);
        Assert.Equal(1, report.Ambiguity);
        Assert.Equal(0, report.Spuriousness);
        Assert.Equal(0, report.TrackIdChanges);
        Assert.Equal(0, report.FalseConfirmedTracks);
        Assert.Equal(0, report.MeanTimeToConfirmSeconds);
    }

    [Fact]
    public void Finish_ConstantBias_RmseIsTheBias()
    {
        var (evaluator, truths) = Setup(targets: 1, seconds: 30);
        foreach (var truth in truths)
        {
            var shifted = Wgs84.FromEnu(truth.State.Position, new Vector3(30, 40, 0));
            evaluator.AddEstimate(Estimate(truth, 7) with { Position = shifted });
        }

        var report = evaluator.Finish("bias");

        Assert.Equal(50, report.PositionRmseMetres, 0.05);
        Assert.Equal(50, report.MeanGospaMetres, 0.05); // one pair, nothing missed or false
    }

    [Fact]
    public void Finish_ReportsCarriedForwardFarEast_MoveAlongTheirOwnEast()
    {
        // 250 km east of the site the aircraft's east is 3.8° from the site's (the meridian
        // convergence). Exact reports every 5 s, with the velocity in the aircraft's own frame as
        // trackers report it, carried forward 1-4 s: taken as the site's frame they would lie
        // 13 m/s × the carry across track (32 m RMS); turned into it, on the truth (which flies a
        // constant heading, 0.1 m from a straight line over 4 s).
        var (evaluator, truths) = Setup(targets: 1, seconds: 60, heading: 90, startEast: 250_000);
        foreach (var truth in truths.Where(t => t.TimeMicroseconds % 5_000_000 == 0))
        {
            evaluator.AddEstimate(Estimate(truth, 3));
        }

        var report = evaluator.Finish("far east");

        Assert.Equal(1, report.Completeness);
        Assert.InRange(report.PositionRmseMetres, 0, 0.5);
    }

    [Fact]
    public void Finish_DuplicateAndFalseTracks_RaiseAmbiguityAndSpuriousness()
    {
        var (evaluator, truths) = Setup(targets: 1, seconds: 20);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 1));
            evaluator.AddEstimate(Estimate(truth, 2) with { Position = Wgs84.FromEnu(truth.State.Position, new Vector3(100, 0, 0)) });
            evaluator.AddEstimate(Estimate(truth, 3) with { Position = Wgs84.FromEnu(truth.State.Position, new Vector3(50_000, 0, 0)) });
        }

        var report = evaluator.Finish("duplicates");

        Assert.Equal(2, report.Ambiguity);
        Assert.Equal(1.0 / 3, report.Spuriousness, 1e-9);
        Assert.Equal(1, report.FalseConfirmedTracks);

        // GOSPA per instant: track 1 exact, tracks 2 and 3 false: sqrt(2 * c^2 / 2) = 1000 m.
        Assert.Equal(1_000, report.MeanGospaMetres, 1e-6);
    }

    [Fact]
    public void Finish_TrackReplacedHalfway_CountsOneIdChangeAndConfirmationDelay()
    {
        var (evaluator, truths) = Setup(targets: 1, seconds: 40, firstDetectionSecond: 5);
        foreach (var truth in truths.Where(t => t.TimeMicroseconds >= 8_000_000))
        {
            evaluator.AddEstimate(Estimate(truth, truth.TimeMicroseconds < 20_000_000 ? 1 : 2));
        }

        var report = evaluator.Finish("swap");

        Assert.Equal(1, report.TrackIdChanges);
        Assert.Equal(3, report.MeanTimeToConfirmSeconds, 1e-9); // detected at 5 s, confirmed at 8 s
    }

    [Fact]
    public void Finish_ZoneCrossing_ScoresTimeToAlertAndFalseAlerts()
    {
        // The target flies east at 200 m/s from 10 km west of the site; the zone is everything
        // east of the site's longitude, so the truth enters at 50 s.
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: -10_000);
        evaluator.AddZones([new EvaluationZone("east", [[[(58.0, Site.LongitudeDegrees), (61.0, Site.LongitudeDegrees), (61.0, 30.0), (58.0, 30.0), (58.0, Site.LongitudeDegrees)]]])]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 9));
        }

        evaluator.AddAlert(54_000_000, 9, "east", enter: true);
        evaluator.AddAlert(20_000_000, 77, "east", enter: true); // a track on nothing

        var report = evaluator.Finish("zone");

        var incursion = Assert.Single(report.Incursions);
        Assert.Equal(50, incursion.EntrySeconds, 1.0);
        Assert.Equal(4, incursion.TimeToAlertSeconds, 1.0);
        Assert.Equal(1, report.FalseAlerts);
    }

    [Fact]
    public void Finish_NonCooperativeIncursionAlertedAsCooperative_IsAFalseAlertAndNotAlerted()
    {
        // The target has no transponder: an enter alert whose track says "cooperative" does not
        // announce an intruder (issue 9: the evaluator must check the alert's cooperative flag).
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: -10_000);
        evaluator.AddZones([EastZone()]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 9));
        }

        evaluator.AddAlert(54_000_000, 9, "east", enter: true, cooperative: true);

        var report = evaluator.Finish("masked");

        Assert.True(double.IsNaN(Assert.Single(report.Incursions).AlertSeconds));
        Assert.Equal(1, report.FalseAlerts);
        Assert.Equal(double.PositiveInfinity, report.WorstNonCooperativeTimeToAlertSeconds);
    }

    /// <summary>
    /// The track follows the target into the zone and is dropped with the target still inside.
    /// Drifted: from 70 s it coasts 3 km off the target (beyond the 1 km cut-off: associated with
    /// nothing) until its drop at 100 s; the alert is on the target the track last followed,
    /// which was inside.
    /// </summary>
    [Theory]
    [InlineData(90, false)]
    [InlineData(100, true)]
    public void Finish_LostInsideTheZone_CountedApartNotFalse(int lostSeconds, bool drifted)
    {
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: -10_000);
        evaluator.AddZones([EastZone()]);
        foreach (var truth in truths.Where(t => t.TimeMicroseconds <= lostSeconds * 1_000_000L))
        {
            var estimate = Estimate(truth, 9);
            if (drifted && truth.TimeMicroseconds >= 70_000_000)
            {
                estimate = estimate with { Position = Wgs84.FromEnu(Site, Wgs84.ToEnu(Site, truth.State.Position) with { Y = 3_000 }) };
            }

            evaluator.AddEstimate(estimate);
        }

        evaluator.AddAlert(52_000_000, 9, "east", enter: true, cooperative: false);
        evaluator.AddLostAlert(lostSeconds * 1_000_000L, 9, "east");

        var report = evaluator.Finish("lost");

        Assert.Equal(1, report.LostAlerts);
        Assert.Equal(0, report.FalseLostAlerts);
        Assert.Equal(0, report.FalseAlerts);
        Assert.Equal(2, report.WorstNonCooperativeTimeToAlertSeconds, 1.0);
    }

    [Fact]
    public void Finish_LostAndExitOnATargetNeverInside_BothFalse()
    {
        // Heading west from 20 km east of the site's longitude... the zone lies west of it here.
        var (evaluator, truths) = Setup(targets: 1, seconds: 60, heading: 0, startEast: 20_000);
        evaluator.AddZones([new EvaluationZone("west", [[[(58.0, 20.0), (61.0, 20.0), (61.0, Site.LongitudeDegrees), (58.0, Site.LongitudeDegrees), (58.0, 20.0)]]])]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 4));
        }

        evaluator.AddLostAlert(30_000_000, 4, "west");
        evaluator.AddAlert(40_000_000, 4, "west", enter: false, cooperative: false);

        var report = evaluator.Finish("never-inside");

        Assert.Equal(1, report.LostAlerts);
        Assert.Equal(1, report.FalseLostAlerts);
        Assert.Equal(2, report.FalseAlerts);
    }

    [Fact]
    public void Finish_ExitWhileTheTargetStaysInside_IsFalse()
    {
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: -10_000);
        evaluator.AddZones([EastZone()]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 9));
        }

        evaluator.AddAlert(52_000_000, 9, "east", enter: true, cooperative: false);
        evaluator.AddAlert(100_000_000, 9, "east", enter: false, cooperative: false);

        Assert.Equal(1, evaluator.Finish("exit").FalseAlerts);
    }

    [Theory]
    [InlineData(11_900, 0)]
    [InlineData(12_050, 0)]
    [InlineData(12_300, 1)]
    public void Finish_ExitAlertedAtTheLastSecond_IsGenuineOnlyWhereTheTargetReallyLeft(int startEast, int falseAlerts)
    {
        // West at 200 m/s out of the zone east of the site's longitude, truth sampled 0-60 s: from
        // 11.9 km the last sample (60 s, 100 m west) is outside, the target left at the last
        // second; from 12.05 km the last sample is 50 m inside and the target leaves 0.25 s after
        // it, in the scene's unsampled last second; from 12.3 km it is still 300 m inside when
        // the truth ends, and an exit then is the scene's end, not the target's.
        var (evaluator, truths) = Setup(targets: 1, seconds: 61, heading: 270, startEast: startEast);
        evaluator.AddZones([EastZone()]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 7));
        }

        evaluator.AddAlert(0, 7, "east", enter: true, cooperative: false);
        evaluator.AddAlert(60_500_000, 7, "east", enter: false, cooperative: false);

        Assert.Equal(falseAlerts, evaluator.Finish("last-second").FalseAlerts);
    }

    [Theory]
    [InlineData(50_000, 50.5)]
    [InlineData(0, 51.0)]
    public void Finish_EntryBetweenTruthSamples_IsDatedWhereTheTruthCrosses(long zoneSampleInterval, double entrySeconds)
    {
        // East at 200 m/s from 10.1 km west of the zone's edge (the site's longitude): the truth
        // crosses at 50.5 s, between its samples at 50 and 51 s. On the samples alone the entry
        // was the first sample inside, half a second late.
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: -10_100, zoneSampleInterval: zoneSampleInterval);
        evaluator.AddZones([EastZone()]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 9));
        }

        evaluator.AddAlert(54_000_000, 9, "east", enter: true);

        var incursion = Assert.Single(evaluator.Finish("between samples").Incursions);
        Assert.Equal(entrySeconds, incursion.EntrySeconds, 0.051);
        Assert.Equal(54 - entrySeconds, incursion.TimeToAlertSeconds, 0.051);
    }

    [Fact]
    public void Finish_EntryInATurnBetweenTruthSamples_IsDatedWhereTheSimulatedTruthCrosses()
    {
        // North at 200 m/s, 500 m west of the zone's edge, turning right at 6°/s: the entry lies
        // between two 1 s samples, on the curve. The expected time is the simulator's own motion
        // stepped every millisecond, not the evaluator's blend of the samples around it.
        var target = new SimulatedTarget
        {
            Index = 0,
            Name = "turning",
            Class = TargetClass.Fighter,
            AppearMicroseconds = 0,
            DisappearMicroseconds = 60_000_000,
            Start = Wgs84.FromEnu(Site, new Vector3(-500, 0, 9_000)),
            SpeedMetresPerSecond = 200,
            HeadingDegrees = 0,
            Legs = [new LegDefinition { DurationS = 60, TurnRateDegS = 6 }],
        };
        var zone = EastZone();
        var evaluator = new TrackingEvaluator(new EvaluationOptions(), [target], Site);
        evaluator.AddZones([zone]);
        var sampled = new TargetMotion(target);
        for (var t = 0L; t < 60_000_000; t += 1_000_000)
        {
            sampled.AdvanceTo(t);
            evaluator.AddTruth(new TruthEvent(t, 0, sampled.State));
            evaluator.AddDetection(0, t);
        }

        var fine = new TargetMotion(target);
        var crossing = 0L;
        for (var t = 0L; crossing == 0 && t < 60_000_000; t += 1_000)
        {
            fine.AdvanceTo(t);
            crossing = zone.Contains(fine.State.Position.LatitudeDegrees, fine.State.Position.LongitudeDegrees) ? t : 0;
        }

        var incursion = Assert.Single(evaluator.Finish("turn").Incursions);
        Assert.NotEqual(0, crossing % 1_000_000);
        Assert.Equal(crossing / 1e6, incursion.EntrySeconds, 0.051);
    }

    [Theory]
    [InlineData(50_000, 0)]
    [InlineData(0, 2)]
    public void Finish_CornerClippedBetweenTruthSamples_IsAnIncursion(long zoneSampleInterval, int falseAlerts)
    {
        // A strip 100 m wide, 10.05-10.15 km east of the site at the target's height; east at
        // 200 m/s from the site, the truth is inside from 50.25 to 50.75 s and at neither
        // sample (50 s: 50 m short; 51 s: 50 m beyond). Its enter and exit alerts are genuine.
        var (evaluator, truths) = Setup(targets: 1, seconds: 120, heading: 90, startEast: 0, zoneSampleInterval: zoneSampleInterval);
        var west = Wgs84.FromEnu(Site, new Vector3(10_050, 0, 9_000)).LongitudeDegrees;
        var east = Wgs84.FromEnu(Site, new Vector3(10_150, 0, 9_000)).LongitudeDegrees;
        evaluator.AddZones([new EvaluationZone("strip", [[[(58.0, west), (61.0, west), (61.0, east), (58.0, east), (58.0, west)]]])]);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 4));
        }

        evaluator.AddAlert(51_000_000, 4, "strip", enter: true, cooperative: false);
        evaluator.AddAlert(51_500_000, 4, "strip", enter: false, cooperative: false);

        var report = evaluator.Finish("clip");

        Assert.Equal(falseAlerts, report.FalseAlerts);
        if (zoneSampleInterval > 0)
        {
            var incursion = Assert.Single(report.Incursions);
            Assert.Equal(50.25, incursion.EntrySeconds, 0.051);
            Assert.Equal(50.75, incursion.ExitSeconds, 0.051);
        }
    }

    [Fact]
    public void Finish_ReportOlderThanFiveSeconds_NotCarriedForward()
    {
        // One report at 0 s, truth sampled every second for 10 s: instants 0-5 have the track
        // (GOSPA 0), instants 6-9 do not (GOSPA sqrt(c^2 / 2) = 707.1 m each): mean 4 × 707.1 / 10.
        // Starting at the site, the plane's extrapolation follows the truth within centimetres.
        var (evaluator, truths) = Setup(targets: 1, seconds: 10, startEast: 0);
        evaluator.AddEstimate(Estimate(truths[0], 1));

        var report = evaluator.Finish("stale");

        Assert.Equal(4 * Math.Sqrt(1_000_000 / 2.0) / 10, report.MeanGospaMetres, 0.05);
    }

    [Fact]
    public void Finish_TwoReportsOfOneTime_TheLaterEmittedIsTheTracks()
    {
        // Every second the track is first reported 2 km off (a coasting prediction), then, at the
        // same time, on the truth (the plot that found it again): the second is the track's
        // estimate. A perfect score, whatever the sort does with equal times.
        var (evaluator, truths) = Setup(targets: 1, seconds: 120);
        foreach (var truth in truths)
        {
            evaluator.AddEstimate(Estimate(truth, 1) with { Position = Wgs84.FromEnu(truth.State.Position, new Vector3(2_000, 0, 0)) });
            evaluator.AddEstimate(Estimate(truth, 1));
        }

        var report = evaluator.Finish("equal times");

        Assert.Equal(0, report.MeanGospaMetres, 1e-6);
    }

    private static EvaluationZone EastZone() =>
        new("east", [[[(58.0, Site.LongitudeDegrees), (61.0, Site.LongitudeDegrees), (61.0, 30.0), (58.0, 30.0), (58.0, Site.LongitudeDegrees)]]]);

    private static (TrackingEvaluator Evaluator, List<TruthEvent> Truths) Setup(int targets, int seconds, int firstDetectionSecond = 0, double heading = 45, double startEast = 20_000, long zoneSampleInterval = 50_000)
    {
        var list = new List<SimulatedTarget>();
        for (var i = 0; i < targets; i++)
        {
            list.Add(new SimulatedTarget
            {
                Index = i,
                Name = $"t{i}",
                Class = TargetClass.Airliner,
                AppearMicroseconds = 0,
                DisappearMicroseconds = seconds * 1_000_000L,
                Start = Wgs84.FromEnu(Site, new Vector3(startEast, i * 30_000, 9_000)),
                SpeedMetresPerSecond = 200,
                HeadingDegrees = heading,
                Legs = [],
            });
        }

        var evaluator = new TrackingEvaluator(new EvaluationOptions { ZoneSampleIntervalMicroseconds = zoneSampleInterval }, list, Site);
        var truths = new List<TruthEvent>();
        foreach (var target in list)
        {
            var motion = new TargetMotion(target);
            for (var t = 0L; t < seconds * 1_000_000L; t += 1_000_000)
            {
                motion.AdvanceTo(t);
                var truth = new TruthEvent(t, target.Index, motion.State);
                truths.Add(truth);
                evaluator.AddTruth(truth);
                if (t >= firstDetectionSecond * 1_000_000L)
                {
                    evaluator.AddDetection(target.Index, t);
                }
            }
        }

        return (evaluator, truths);
    }

    private static TrackEstimate Estimate(TruthEvent truth, long trackId) => new()
    {
        TimeMicroseconds = truth.TimeMicroseconds,
        TrackId = trackId,
        Position = truth.State.Position,
        VelocityEast = truth.State.VelocityEast,
        VelocityNorth = truth.State.VelocityNorth,
        SigmaEast = 50,
        SigmaNorth = 50,
        Confirmed = true,
    };
}

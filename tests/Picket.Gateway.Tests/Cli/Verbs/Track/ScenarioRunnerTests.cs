using Picket.Cli.Verbs.Track;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Scenarios;

namespace Picket.Gateway.Cli.Verbs.Track;

/// <summary>
/// The tracker scored against the simulator's truth, scenario by scenario (issue 5's evidence).
/// Each run's <see cref="EvaluationReport"/> is written as JSON to <c>evaluation/</c> in the test
/// output folder. Scenarios are shortened where needed to keep each run to a few CPU seconds.
/// Issue 9: results are asserted on held-out seeds only (never the seed the tracker was tuned
/// on), and the tracker assumes a radar noise 30 % off what the simulator draws.
/// </summary>
public sealed class ScenarioRunnerTests
{
    [Fact]
    public void Run_GulfOfFinlandIncursion_EveryIncursionAlertedWithinTwoScansAndNoFalseAlerts()
    {
        var (runner, report) = Run("gulf-of-finland-incursion", null);
        var scan = runner.Definition.Radar!.ScanPeriodS;

        Assert.NotEmpty(report.Incursions);
        Assert.All(report.Incursions, i => Assert.True(i.TimeToAlertSeconds <= 2 * scan, $"{i.Target} entered {i.Zone} at {i.EntrySeconds} s, alerted at {i.AlertSeconds} s"));
        Assert.Contains(report.Incursions, i => !i.Cooperative);
        Assert.Equal(0, report.FalseAlerts);
        Assert.Equal(0, report.CooperativeTargetsWithoutTheirIcao);
        Assert.Equal(0, report.TrackIdChanges);
    }

    [Fact]
    public void Run_GulfOfFinlandIncursionAsRecordedBytes_SameVerdictThroughTheRealDecoders()
    {
        // The scenario recorded as Beast + ASTERIX bytes (ScenarioRecorder, the real encoders) and
        // replayed through the Mode S pipeline and the CAT048 decoder, as `picket track --input` does.
        var runner = NewRunner("gulf-of-finland-incursion", 600, recorded: true);
        var report = runner.Run(null);
        WriteReport("gulf-of-finland-incursion.recorded", report);
        var scan = runner.Definition.Radar!.ScanPeriodS;

        Assert.Contains(report.Incursions, i => !i.Cooperative);
        Assert.All(report.Incursions, i => Assert.True(i.TimeToAlertSeconds <= 2 * scan, $"{i.Target} entered at {i.EntrySeconds} s, alerted at {i.AlertSeconds} s"));
        Assert.Equal(0, report.FalseAlerts);
        Assert.Equal(0, report.CooperativeTargetsWithoutTheirIcao);
        Assert.Equal(0, report.FalseConfirmedTracks);
    }

    [Fact]
    public void Run_CivilOnly_NoFalseAlertsEveryTargetWithItsIcaoAndCompleteAtPd09()
    {
        var (_, report) = Run("civil-only", 300);

        Assert.Equal(0, report.FalseAlerts);
        Assert.Equal(0, report.CooperativeTargetsWithoutTheirIcao);
        Assert.True(report.Completeness >= 0.99, $"completeness {report.Completeness}");
        Assert.Equal(0, report.FalseConfirmedTracks);
        Assert.Equal(0, report.TrackIdChanges);
    }

    [Fact]
    public void Run_CrossingTargets_StableIdsAndNoFalseTracks()
    {
        var (_, report) = Run("crossing-targets", null);

        Assert.Equal(0, report.TrackIdChanges);
        Assert.Equal(0, report.FalseConfirmedTracks);
        Assert.Equal(0, report.CooperativeTargetsWithoutTheirIcao);
        Assert.InRange(report.Ambiguity, 1.0, 1.01);
    }

    [Fact]
    public void Run_CrossingTargets_StraightLegRmseWithinTenPercentOfTheTruthAssociatedFilter()
    {
        // Every target of this scenario flies one straight leg. The ideal: the same filter fed
        // only its own target's measurements (no clutter, no association decisions).
        var (_, report) = Run("crossing-targets", null);
        var (_, ideal) = Run("crossing-targets", null, truthAssociated: true);

        Assert.True(report.PositionRmseMetres <= 1.1 * ideal.PositionRmseMetres, $"tracker {report.PositionRmseMetres:F1} m, ideal {ideal.PositionRmseMetres:F1} m");
    }

    /// <summary>
    /// The truth-associated filter's trackers keep the scene's data time: a tracker runs its
    /// housekeeping (zone samples, reports) when data arrives, and the full tracker receives the
    /// whole scene, so a radar-only jet's track on a 4 s radar is sampled between its plots too.
    /// Fed only its own plots, every report of it came at one of them, and its zone monitor never
    /// saw the prediction flown on between plots (border-skim: half the false alerts).
    /// </summary>
    [Fact]
    public void Run_TruthAssociated_RadarOnlyTracksReportedBetweenTheirOwnPlots()
    {
        var definition = ScenarioLoader.LoadBuiltIn("crossing-targets");
        var reports = new List<Picket.Publishing.TrackReport>();
        var runner = new ScenarioRunner(definition, 120, truthAssociated: true, seed: definition.HeldOutSeeds[0]) { ReportObserver = reports.Add };
        runner.Run(null);
        // Each target's plot times as the tracker receives them (I048/140, as the runner converts them).
        var measurements = new Picket.Simulation.Feeds.SimulatedMeasurements(runner.Simulation);
        var plotTimes = new HashSet<(int Target, long Time)>();
        foreach (var plot in runner.Simulation.Run().OfType<Picket.Simulation.Events.RadarPlotEvent>().Where(p => p.TargetIndex >= 0))
        {
            Assert.True(measurements.TryConvert(plot, out var measurement));
            plotTimes.Add((plot.TargetIndex, measurement.TimeUnixMicroseconds));
        }

        var radarOnly = Enumerable.Range(0, runner.Simulation.Targets.Count).Where(i => !runner.Simulation.Targets[i].Cooperative).ToHashSet();
        int TargetOf(Picket.Publishing.TrackReport report) => (int)(report.TrackId / ScenarioRunner.TruthAssociatedTrackIdStride) - 1;
        var own = reports.Where(r => radarOnly.Contains(TargetOf(r))).ToList();
        var between = own.Count(r => !plotTimes.Contains((TargetOf(r), r.TimeUnixMicroseconds)));

        Assert.NotEmpty(own);
        Assert.True(between >= own.Count / 4, $"{between} of {own.Count} reports between the target's own plots");
    }

    [Fact]
    public void Run_DronesInClutter_DronesTrackedAndFalseTracksBounded()
    {
        var (_, report) = Run("drones-in-clutter", null);

        Assert.True(report.Completeness >= 0.95, $"completeness {report.Completeness}");
        Assert.Equal(0, report.TargetsNeverConfirmed);
        Assert.Equal(0, report.FalseAlerts);
        // Issue target: <= 1 false confirmed track per hour at 20 false plots per scan. Reached:
        // one false track in this 15-minute run (4.1/h); the bound guards against regressions.
        Assert.True(report.FalseConfirmedTracks <= 1, $"{report.FalseConfirmedTracks} false confirmed tracks ({report.FalseConfirmedTracksPerHour:F1}/h)");
    }

    [Fact]
    public void Run_Manoeuvres_EveryTargetConfirmed()
    {
        var (_, report) = Run("manoeuvres", null);

        Assert.Equal(0, report.TargetsNeverConfirmed);
        Assert.Equal(0, report.FalseAlerts);
    }

    [Fact]
    public void Run_BusySky_EveryCooperativeTargetCarriesItsIcao()
    {
        var (runner, report) = Run("busy-sky", 120);

        Assert.Equal(0, report.CooperativeTargetsWithoutTheirIcao);
        Assert.True(report.Completeness >= 0.99, $"completeness {report.Completeness}");
        Assert.Equal(0, runner.Counters!.TracksRefused);
    }

    [Fact]
    public void Run_SameScenarioTwice_ByteIdenticalTrackOutput()
    {
        // Integer core, seeded simulator: the JSON Lines must not differ by a single byte.
        static byte[] Output()
        {
            using var stream = new MemoryStream();
            var writer = new Picket.Cli.Verbs.Decode.JsonLinesWriter(stream);
            NewRunner("gulf-of-finland-incursion", 300).Run(new TrackJsonOutput(writer));
            writer.Json.Flush();
            return stream.ToArray();
        }

        var first = Output();
        var second = Output();

        Assert.True(first.Length > 10_000);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(first)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(second)));
    }

    private static (ScenarioRunner Runner, EvaluationReport Report) Run(string name, double? seconds, bool truthAssociated = false)
    {
        var runner = NewRunner(name, seconds, truthAssociated: truthAssociated);
        var report = runner.Run(null);
        WriteReport(name + (truthAssociated ? ".ideal" : string.Empty), report);
        return (runner, report);
    }

    // The tracker is told a radar noise 30 % above the simulator's.
    private const double NoiseFactor = 1.3;

    // The first held-out seed; the tracker told a radar noise 30 % above the simulator's.
    private static ScenarioRunner NewRunner(string name, double? seconds, bool truthAssociated = false, bool recorded = false)
    {
        var definition = ScenarioLoader.LoadBuiltIn(name);
        return new ScenarioRunner(definition, seconds, truthAssociated: truthAssociated, recorded: recorded, seed: definition.HeldOutSeeds[0])
        {
            AssumedRadarSigmaRangeMetres = definition.Radar!.SigmaRangeM * NoiseFactor,
            AssumedRadarSigmaAzimuthDegrees = definition.Radar.SigmaAzimuthDeg * NoiseFactor,
        };
    }

    private static void WriteReport(string name, EvaluationReport report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "evaluation");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".json"), ScenarioSummary.ToJson(report));
    }
}

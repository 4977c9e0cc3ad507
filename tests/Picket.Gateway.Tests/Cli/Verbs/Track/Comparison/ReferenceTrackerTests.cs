using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// The comparison's own plumbing: the reference tracker's decoded inputs match what the
/// recorder wrote (also through UTC midnight), and on a clean scene the plain tracker tracks
/// and alerts as the truth says.
/// </summary>
public sealed class ReferenceTrackerTests
{
    [Fact]
    public void Decode_MidnightCrossingRecording_EveryPlotAndMarkerOnTheStreamsClock()
    {
        // midnight-crossings starts at 23:55:00 UTC: plots after 00:00 must stay 300 s+ after the start, not a day before.
        var definition = ScenarioLoader.LoadBuiltIn("midnight-crossings");
        definition.DurationS = 420;
        var simulation = new Picket.Simulation.ScenarioSimulation(definition);
        using var beast = new MemoryStream();
        using var asterix = new MemoryStream();
        var counts = ScenarioRecorder.Record(simulation, beast, asterix, Stream.Null);
        var start = definition.Start.ToUnixTimeMilliseconds() * 1000;

        var inputs = RecordedInputs.Decode(beast.ToArray(), asterix.ToArray(), start, simulation.Site.LatitudeDegrees, simulation.Site.LongitudeDegrees);

        Assert.Equal(counts.Plots, inputs.Count(i => i.Kind == RecordedInputKind.Radar));
        Assert.Equal(counts.NorthMarkers, inputs.Count(i => i.Kind == RecordedInputKind.NorthMarker));
        Assert.All(inputs, i => Assert.InRange(i.TimeUnixMicroseconds, start, start + 421_000_000));
        Assert.Contains(inputs, i => i.Kind == RecordedInputKind.Radar && i.TimeUnixMicroseconds > start + 300_000_000);
    }

    [Fact]
    public void Run_OneIntruderCleanRadar_TrackedAndAlertedOnce()
    {
        // One non-cooperative jet, Pd 1, no clutter, a 3-D radar (the plain tracker projects slant
        // range with the measured height; without one it assumes the radar's and errs ~1 km at
        // 9 km altitude): it must track the jet throughout and alert its entry into the band
        // within two scans (zones are checked on updates, one per 5 s scan), nothing false.
        var definition = ScenarioLoader.LoadBuiltIn("gulf-of-finland-incursion");
        definition.Radar!.ClutterPerScan = 0;
        definition.Radar.DetectionProbability = 1;
        definition.Radar.MeasuresHeight = true;
        definition.Radar.SigmaHeightM = 100;
        var bandit = definition.Targets.First(t => t.Name == "bandit-1");
        definition.Targets.Clear();
        definition.Targets.Add(bandit);
        var runner = new ScenarioRunner(definition, 600, recorded: true);
        var settings = new ReferenceTrackerSettings { ScanPeriodSeconds = definition.Radar.ScanPeriodS, RadarSigmaRangeMetres = 60, RadarSigmaAzimuthDegrees = 0.15 };

        var report = runner.RunExternal((beast, asterix, start, evaluator) =>
            new ReferenceTracker(settings, runner.Simulation.Site, runner.Simulation.RadarPosition, runner.EvaluationZones, evaluator, start)
                .Run(RecordedInputs.Decode(beast, asterix, start, runner.Simulation.Site.LatitudeDegrees, runner.Simulation.Site.LongitudeDegrees)));

        var incursion = Assert.Single(report.Incursions);
        Assert.InRange(incursion.TimeToAlertSeconds, -definition.Radar.ScanPeriodS, 2 * definition.Radar.ScanPeriodS);
        Assert.Equal(0, report.FalseAlerts);
        Assert.Equal(0, report.FalseConfirmedTracks);
        Assert.Equal(0, report.TrackIdChanges);
        Assert.True(report.Completeness > 0.95, $"completeness {report.Completeness}");
    }

    [Fact]
    public void Run_AdsbAircraftFarEastAndWest_TrackedOnTheirPositions()
    {
        // Forty ADS-B aircraft within 250 km, no radar: at 250 km east or west an aircraft's
        // east is 3.8° from the mast's, so its ADS-B velocity must be turned into the plain
        // tracker's site plane (put in unturned, its tracks lay 93 m RMS from their aircraft
        // here; the positions themselves are exact to the CPR's 5 m).
        var definition = ScenarioLoader.LoadBuiltIn("busy-sky");
        definition.Radar = null;
        definition.RandomTraffic!.Count = 40;
        var runner = new ScenarioRunner(definition, 120, recorded: true);
        var settings = new ReferenceTrackerSettings { ScanPeriodSeconds = 4, RadarSigmaRangeMetres = 60, RadarSigmaAzimuthDegrees = 0.15 };

        var report = runner.RunExternal((beast, asterix, start, evaluator) =>
            new ReferenceTracker(settings, runner.Simulation.Site, runner.Simulation.RadarPosition, runner.EvaluationZones, evaluator, start)
                .Run(RecordedInputs.Decode(beast, asterix, start, runner.Simulation.Site.LatitudeDegrees, runner.Simulation.Site.LongitudeDegrees)));

        Assert.InRange(report.PositionRmseMetres, 0, 10);
    }
}

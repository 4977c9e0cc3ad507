using Picket.Radar;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Geodesy;
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

    [Fact]
    public void Run_TargetPlotBesideLastScansClutterPlot_UpdatesTheTargetsOwnTrack()
    {
        // A target flies east at 30 m/s, 10 km north of a 1 s radar. At 5.2 s a clutter plot
        // 150 m north of where the target's next plot will be starts a one-plot track (it is far
        // outside the target's own gate: 150 m across a 10 m range sigma). At 6 s the target's plot
        // comes 100 m east of its truth (2 sigma of azimuth): about 2.8 in its own track's
        // Mahalanobis distance, but 1.2 in the one-plot track's reach metric. Track maintenance
        // comes before initiation: the plot is the target's track's, not the clutter's second.
        var radar = new GeoPosition(57.75, 27.45, 80);
        var settings = new ReferenceTrackerSettings { ScanPeriodSeconds = 1, RadarSigmaRangeMetres = 10, RadarSigmaAzimuthDegrees = 0.3 };
        var evaluator = new TrackingEvaluator(new EvaluationOptions(), [], radar);
        var start = new DateTimeOffset(2026, 6, 5, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        var tracker = new ReferenceTracker(settings, radar, radar, [], evaluator, start);
        var inputs = new List<RecordedInput>();
        for (var second = 0; second <= 5; second++)
        {
            inputs.Add(Plot(start + (second * 1_000_000L), 30.0 * second, 10_000));
        }

        inputs.Add(Plot(start + 5_200_000, 280, 10_150));
        inputs.Add(Plot(start + 6_000_000, 280, 10_000));

        tracker.Run(inputs);

        Assert.Equal(2, tracker.TracksStarted);
        var target = Assert.Single(tracker.Tracks, t => t.Id == 1);
        var clutter = Assert.Single(tracker.Tracks, t => t.Id == 2);
        Assert.Equal(start + 6_000_000, target.LastRadarUpdate);
        Assert.Equal(7, target.Hits);
        Assert.Equal(1, clutter.Hits);
    }

    // A noise-free plot of a point (east, north) metres from the radar at the radar's height.
    private static RecordedInput Plot(long time, double east, double north)
    {
        var plot = new RadarMeasurement
        {
            SensorId = 1,
            TimeUnixMicroseconds = time,
            RangeMillimetres = (long)Math.Round(Math.Sqrt((east * east) + (north * north)) * 1000),
            AzimuthMicrodegrees = (int)Math.Round(Math.Atan2(east, north) * 180 / Math.PI * 1e6),
            HasHeight = true,
            HeightFeet = (int)Math.Round(80 / 0.3048),
        };
        return new RecordedInput(time, RecordedInputKind.Radar, default, plot);
    }
}

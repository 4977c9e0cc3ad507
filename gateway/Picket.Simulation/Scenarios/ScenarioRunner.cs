using Picket.Gateway.Sources;
using Picket.Gateway.Tracking;
using Picket.Gateway.Zones;
using Picket.Publishing;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Events;
using Picket.Simulation.Feeds;
using Picket.Simulation.Geodesy;
using Picket.Tracking;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// Runs a built-in scenario through the same <see cref="TrackingPipeline"/> as a replay and
/// scores the output against the simulation's truth. By default the simulator's sensor events
/// reach the pipeline through <see cref="SimulatedMeasurements"/> (the decoders' structs); with
/// <c>recorded</c> the scenario is recorded as Beast and ASTERIX bytes by the real encoders
/// (ScenarioRecorder) and replayed through the decoders exactly as <c>picket track --input</c>.
/// The tracker is configured independently of the simulator: its assumed radar noise comes from
/// <see cref="AssumedRadarSigmaRangeMetres"/> and <see cref="AssumedRadarSigmaAzimuthDegrees"/>
/// (a data sheet's figures), never from what the simulator draws. The harness writes nothing
/// itself: the caller passes <see cref="Run"/> the output to receive the tracker's reports and
/// alerts (<c>picket track</c> writes them as JSON Lines).
/// </summary>
public sealed class ScenarioRunner
{
    private readonly ScenarioSimulation _simulation;
    private readonly SimulatedMeasurements _measurements;
    private readonly TrackingEvaluator _evaluator;
    private readonly List<(ZoneAlert Alert, double Seconds)> _alerts = [];
    private readonly HashSet<long> _tracks = [];
    private readonly HashSet<long> _confirmed = [];
    private readonly bool _truthAssociated;
    private readonly bool _recorded;
    private readonly Dictionary<int, TrackingPipeline> _perTarget = [];

    /// <summary>The tracker's nominal radar range noise (a data sheet's one sigma), metres: TrackingPipeline's default.</summary>
    public const double NominalRadarSigmaRangeMetres = TrackingPipeline.DefaultRadarSigmaRangeMillimetres / 1000.0;

    /// <summary>The tracker's nominal radar azimuth noise, degrees: TrackingPipeline's default.</summary>
    public const double NominalRadarSigmaAzimuthDegrees = TrackingPipeline.DefaultRadarSigmaAzimuthMicrodegrees / 1e6;

    /// <summary>Prepares <paramref name="definition"/> to run (it is changed: duration and seed).</summary>
    /// <param name="definition">The scenario; its duration is cut to <paramref name="seconds"/> and its seed replaced by <paramref name="seed"/> when given.</param>
    /// <param name="seconds">Scenario time to run, or null for the whole scenario.</param>
    /// <param name="configuration">The tracker's configuration (default: <see cref="TrackerConfiguration"/>'s defaults); its scan period is set from the scenario's radar.</param>
    /// <param name="truthAssociated">The ideal filter: one tracker per target fed only that target's measurements, on the data time of every measurement in the scene.</param>
    /// <param name="recorded">Through Beast and ASTERIX bytes and the real decoders instead of the decoders' structs.</param>
    /// <param name="seed">The simulator's seed, e.g. a held-out one, or null for the scenario's own.</param>
    public ScenarioRunner(ScenarioDefinition definition, double? seconds, TrackerConfiguration? configuration = null, bool truthAssociated = false, bool recorded = false, int? seed = null)
    {
        _recorded = recorded && !truthAssociated;
        _truthAssociated = truthAssociated;
        ArgumentNullException.ThrowIfNull(definition);
        if (seconds is { } limit)
        {
            definition.DurationS = Math.Min(definition.DurationS, limit);
        }

        if (seed is { } chosen)
        {
            definition.Seed = chosen;
        }

        Definition = definition;
        _simulation = new ScenarioSimulation(definition);
        _measurements = new SimulatedMeasurements(_simulation);
        Zones = ReadZones(definition, ToSite(_simulation.Site));
        Configuration = configuration ?? new TrackerConfiguration();
        if (definition.Radar is { } radar)
        {
            Configuration.ScanPeriodMicroseconds = (long)Math.Round(radar.ScanPeriodS * 1e6);
        }

        // The GOSPA cut-off: 200 m for drone scenarios (every scripted target a drone), else 1,000 m.
        var drones = definition.Targets.Count > 0 && definition.Targets.All(t => t.Class == TargetClass.Drone);
        _evaluator = new TrackingEvaluator(new EvaluationOptions { CutoffMetres = drones ? 200 : 1_000 }, _simulation.Targets, _simulation.Site);
        EvaluationZones = Zones.Select(z => new EvaluationZone(z.Name, z.Polygons.Select(p => (IReadOnlyList<(double, double)[]>)p.Select(r => r.Select(v => (v.LatitudeDegrees, v.LongitudeDegrees)).ToArray()).ToList()).ToList())).ToArray();
        _evaluator.AddZones(EvaluationZones);
    }

    /// <summary>The scenario as run (duration and seed applied).</summary>
    public ScenarioDefinition Definition { get; }

    /// <summary>Radar range noise the tracker assumes, one sigma, metres (not the simulator's).</summary>
    public double AssumedRadarSigmaRangeMetres { get; init; } = NominalRadarSigmaRangeMetres;

    /// <summary>Radar azimuth noise the tracker assumes, one sigma, degrees (not the simulator's).</summary>
    public double AssumedRadarSigmaAzimuthDegrees { get; init; } = NominalRadarSigmaAzimuthDegrees;

    /// <summary>The scenario's protected zones, as the tracker checks them.</summary>
    public IReadOnlyList<GeoZone> Zones { get; }

    /// <summary>The zones as the evaluator scores them.</summary>
    public IReadOnlyList<EvaluationZone> EvaluationZones { get; }

    /// <summary>The tracker's configuration.</summary>
    public TrackerConfiguration Configuration { get; }

    /// <summary>The simulation (truth and sensors) the scenario runs on.</summary>
    public ScenarioSimulation Simulation => _simulation;

    /// <summary>Every zone alert raised, with its time in seconds from the scenario's start.</summary>
    public IReadOnlyList<(ZoneAlert Alert, double Seconds)> Alerts => _alerts;

    /// <summary>Distinct tracks reported.</summary>
    public int TrackCount => _tracks.Count;

    /// <summary>Distinct tracks reported confirmed (or coasting).</summary>
    public int ConfirmedTrackCount => _confirmed.Count;

    /// <summary>Measurements fed to the tracker (radar plots and Mode S/ADS-B squitters).</summary>
    public long Updates { get; private set; }

    /// <summary>The tracker's counters (after <see cref="Run"/>).</summary>
    public TrackerCounters? Counters { get; private set; }

    /// <summary>What the tracker learned of its radars from ADS-B-fed aircraft (after <see cref="Run"/>).</summary>
    public Picket.Tracking.Registration.RadarRegistration? Registration { get; private set; }

    /// <summary>What the tracker learned of each radar's noise from plot differences, after <see cref="Run"/>.</summary>
    public Picket.Tracking.Registration.PlotDifferenceNoise? NoiseFromDifferences { get; private set; }

    /// <summary>How late the tracker learned the ADS-B positions are, after <see cref="Run"/>.</summary>
    public Picket.Tracking.Registration.AdsbLatency? AdsbLatency { get; private set; }

    /// <summary>Also receives every track report (the demo publishes them).</summary>
    public Action<TrackReport>? ReportObserver { get; init; }

    /// <summary>
    /// In a truth-associated run, target i's tracks are numbered from (i + 1) × this: a report's
    /// track id divided by it, less one, is its target's index.
    /// </summary>
    public const long TruthAssociatedTrackIdStride = 1_000_000;

    /// <summary>Also receives every zone alert.</summary>
    public Action<ZoneAlert>? AlertObserver { get; init; }

    /// <summary>
    /// In recorded runs, how long after its own time (I048/140) each radar record reaches the
    /// tracker, µs: a live radar's sector batch, or its clock behind the Mode S receiver's. 0: on
    /// time, as a replay merges them.
    /// </summary>
    public long RadarDeliveryDelayMicroseconds { get; init; }

    /// <summary>Runs the scenario and scores it; every report and alert also goes to <paramref name="output"/> when given.</summary>
    /// <param name="output">Receives the tracker's reports and alerts (after the evaluator), or null.</param>
    /// <returns>The scorecard against the simulation's truth.</returns>
    public EvaluationReport Run(ITrackerOutput? output)
    {
        var site = ToSite(_simulation.Site);
        _measurements.AssumedSigmaRangeMetres = AssumedRadarSigmaRangeMetres;
        _measurements.AssumedSigmaAzimuthDegrees = AssumedRadarSigmaAzimuthDegrees;
        var pipeline = NewPipeline(site, new ObservingTrackerOutput(OnReport, OnAlert, output));
        pipeline.SetRadarSite(_measurements.SensorId, ToSite(_simulation.RadarPosition));
        if (_recorded)
        {
            RunRecorded(pipeline);
            Counters = pipeline.Tracker.Counters;
            Registration = pipeline.Tracker.Registration;
            NoiseFromDifferences = pipeline.Tracker.NoiseFromDifferences;
            AdsbLatency = pipeline.Tracker.AdsbLatency;
            return _evaluator.Finish(Definition.Name);
        }

        foreach (var simulationEvent in _simulation.Run())
        {
            var dataTime = Feed(simulationEvent, _truthAssociated ? PipelineOf(simulationEvent, site) : pipeline);
            if (_truthAssociated && dataTime != 0)
            {
                // Every target's tracker keeps the data time the scene gives the full tracker
                // (any measurement, clutter included): its housekeeping, zone samples and reports
                // run as often as the full tracker's, not only at its own target's plots, 4 s
                // apart on a 4 s radar (where a turn's overshoot between plots goes unsampled).
                foreach (var own in _perTarget.Values)
                {
                    own.Tracker.AdvanceTo(dataTime);
                }
            }
        }

        pipeline.Finish();
        foreach (var (target, own) in _perTarget)
        {
            own.Finish();
        }

        Counters = pipeline.Tracker.Counters;
        Registration = pipeline.Tracker.Registration;
        NoiseFromDifferences = pipeline.Tracker.NoiseFromDifferences;
        AdsbLatency = pipeline.Tracker.AdsbLatency;
        return _evaluator.Finish(Definition.Name);
    }

    /// <summary>
    /// Scores another tracker on the same recorded bytes as <c>recorded</c> runs: it receives
    /// the Beast and ASTERIX streams, the scenario's UTC start (microseconds) and the evaluator
    /// to feed (estimates and alerts with times after the start); truth and detections are added here.
    /// </summary>
    public EvaluationReport RunExternal(Action<byte[], byte[], long, TrackingEvaluator> tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var (beast, asterix) = RecordAndScoreTruth();
        tracker(beast, asterix, _measurements.StartUnixMicroseconds, _evaluator);
        return _evaluator.Finish(Definition.Name);
    }

    // The scenario as the byte streams a mast receives (ScenarioRecorder), and its truth and
    // detection times into the evaluator (the simulation runs again: same seed, same events).
    private (byte[] Beast, byte[] Asterix) RecordAndScoreTruth()
    {
        using var beast = new MemoryStream();
        using var asterix = new MemoryStream();
        Recording.ScenarioRecorder.Record(_simulation, beast, asterix, Stream.Null);
        foreach (var simulationEvent in _simulation.Run())
        {
            switch (simulationEvent)
            {
                case TruthEvent truth:
                    _evaluator.AddTruth(truth);
                    break;
                case RadarPlotEvent plot when plot.TargetIndex >= 0:
                    _evaluator.AddDetection(plot.TargetIndex, plot.TimeMicroseconds);
                    Updates++;
                    break;
                case SquitterEvent squitter:
                    _evaluator.AddDetection(squitter.TargetIndex, squitter.TimeMicroseconds);
                    Updates++;
                    break;
                default:
                    break;
            }
        }

        return (beast.ToArray(), asterix.ToArray());
    }

    // The recorded streams (Beast with 12 MHz ticks from the start, ASTERIX CAT034/048) replayed
    // exactly as `picket track --input` does.
    private void RunRecorded(TrackingPipeline pipeline)
    {
        var (beast, asterix) = RecordAndScoreTruth();
        var start = _measurements.StartUnixMicroseconds;
        var sources = new List<IReplaySource>();
        if (beast.Length > 0)
        {
            sources.Add(new ModeSReplaySource("beast:recorded", beast, beast: true, start, ticksAtStart: 0));
        }

        if (asterix.Length > 0)
        {
            IReplaySource radar = new AsterixReplaySource("asterix:recorded", asterix, start);
            sources.Add(RadarDeliveryDelayMicroseconds > 0 ? new DelayedReplaySource(radar, RadarDeliveryDelayMicroseconds) : radar);
        }

        ReplayMerger.Run(sources, pipeline);
    }

    // The ideal truth-associated filter: one tracker per target, fed only that target's
    // measurements (clutter goes nowhere); ids are kept apart by a per-target offset.
    private TrackingPipeline? PipelineOf(SimulationEvent simulationEvent, GeoSite site)
    {
        var target = simulationEvent switch
        {
            RadarPlotEvent plot => plot.TargetIndex,
            SquitterEvent squitter => squitter.TargetIndex,
            _ => -2,
        };
        if (target == -1)
        {
            return null;
        }

        if (target < 0)
        {
            return _perTarget.Count > 0 ? _perTarget.First().Value : null;
        }

        if (!_perTarget.TryGetValue(target, out var pipeline))
        {
            var offset = (target + 1) * TruthAssociatedTrackIdStride;
            var output = new ObservingTrackerOutput(
                report => OnReport(report with { TrackId = report.TrackId + offset }),
                alert => OnAlert(alert with { TrackId = alert.TrackId + offset }),
                next: null);
            pipeline = NewPipeline(site, output);
            pipeline.SetRadarSite(_measurements.SensorId, ToSite(_simulation.RadarPosition));
            _perTarget[target] = pipeline;
        }

        return pipeline;
    }

    private TrackingPipeline NewPipeline(GeoSite site, ITrackerOutput output) =>
        new(site, ToSite(_simulation.RadarPosition), Zones, Configuration, output)
        {
            RadarSigmaRangeMillimetres = (int)Math.Round(AssumedRadarSigmaRangeMetres * 1000),
            RadarSigmaAzimuthMicrodegrees = (int)Math.Round(AssumedRadarSigmaAzimuthDegrees * 1e6),
        };

    // Feeds one event to the pipeline (none: clutter or truth in a truth-associated run) and
    // returns the data time of the measurement it is (UTC µs), or 0 when it is none.
    private long Feed(SimulationEvent simulationEvent, TrackingPipeline? pipeline)
    {
        switch (simulationEvent)
        {
            case TruthEvent truth:
                _evaluator.AddTruth(truth);
                return 0;
            case RadarPlotEvent plot when _measurements.TryConvert(plot, out var measurement):
                if (pipeline is null)
                {
                    return measurement.TimeUnixMicroseconds;
                }

                if (plot.TargetIndex >= 0)
                {
                    _evaluator.AddDetection(plot.TargetIndex, plot.TimeMicroseconds);
                }

                Updates++;
                pipeline.AddRadar(ref measurement);
                return measurement.TimeUnixMicroseconds;
            case SquitterEvent squitter when pipeline is not null && _measurements.TryConvert(squitter, out var observation):
                _evaluator.AddDetection(squitter.TargetIndex, squitter.TimeMicroseconds);
                Updates++;
                pipeline.AddModeS(ref observation);
                return observation.TimeUnixMicroseconds;
            default:
                return 0;
        }
    }

    private void OnReport(TrackReport report)
    {
        ReportObserver?.Invoke(report);
        _tracks.Add(report.TrackId);
        if (report.Status is TrackStatus.Confirmed or TrackStatus.Coasting)
        {
            _confirmed.Add(report.TrackId);
        }

        var sigmaEast = report.PositionSigmaEastMillimetres / 1000.0;
        var sigmaNorth = report.PositionSigmaNorthMillimetres / 1000.0;
        _evaluator.AddEstimate(
            new TrackEstimate
            {
                TimeMicroseconds = report.TimeUnixMicroseconds - _measurements.StartUnixMicroseconds,
                TrackId = report.TrackId,
                Position = new GeoPosition(report.LatitudeE7 / 1e7, report.LongitudeE7 / 1e7, report.HeightMillimetres / 1000.0),
                VelocityEast = report.VelocityEastMillimetresPerSecond / 1000.0,
                VelocityNorth = report.VelocityNorthMillimetresPerSecond / 1000.0,
                SigmaEast = sigmaEast,
                SigmaNorth = sigmaNorth,
                Correlation = report.PositionCorrelationPpm / 1e6,
                Confirmed = report.Status is TrackStatus.Confirmed or TrackStatus.Coasting,
                Dropped = report.Status == TrackStatus.Dropped,
            },
            report.HasIcaoAddress ? report.IcaoAddress : 0);
    }

    private void OnAlert(ZoneAlert alert)
    {
        AlertObserver?.Invoke(alert);
        var seconds = (alert.TimeUnixMicroseconds - _measurements.StartUnixMicroseconds) / 1e6;
        _alerts.Add((alert, seconds));
        var time = alert.TimeUnixMicroseconds - _measurements.StartUnixMicroseconds;
        if (alert.Event == ZoneAlertEvent.Lost)
        {
            _evaluator.AddLostAlert(time, alert.TrackId, alert.ZoneName);
        }
        else
        {
            _evaluator.AddAlert(time, alert.TrackId, alert.ZoneName, alert.IsEnter, alert.Cooperative);
        }
    }

    private static IReadOnlyList<GeoZone> ReadZones(ScenarioDefinition definition, GeoSite site)
    {
        using var stream = ScenarioLoader.OpenZones(definition);
        return stream is null ? [] : GeoJsonZoneReader.Read(stream, definition.Zones ?? definition.Name, site);
    }

    private static GeoSite ToSite(GeoPosition position) => new(position.LatitudeDegrees, position.LongitudeDegrees, position.HeightMetres);
}

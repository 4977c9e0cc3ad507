using BenchmarkDotNet.Attributes;
using Picket.Gateway.Tracking;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Simulation;
using Picket.Simulation.Events;
using Picket.Simulation.Feeds;
using Picket.Simulation.Scenarios;
using Picket.Tracking;
using Picket.Tracking.Filter;
using Picket.Tracking.Measurements;

namespace Picket.Benchmarks;

/// <summary>
/// A full tracker replay of the busy-sky scenario (300 ADS-B aircraft, SSR/PSR radar with
/// clutter), first 60 s: every measurement through a fresh <see cref="TrackingPipeline"/>
/// (association, fusion, life cycle, reports). The measurements are made once in setup, so only
/// the tracker is timed. Baseline: the same number of bare filter cycles (predict + two scalar
/// updates), the floor any tracker pays per update; the ratio is the cost of association and
/// track management. Updates per second = measurements / mean time.
/// </summary>
[MemoryDiagnoser]
public class TrackerReplayBenchmarks
{
    private const double Seconds = 60;
    private readonly List<(bool Radar, RadarMeasurement Plot, ModeSObservation Observation)> _measurements = [];
    private GeoSite _site = null!;
    private GeoSite _radar = null!;
    private int _sensorId;
    private long _scanMicroseconds;
    private readonly TrackFilter _filter = new();

    /// <summary>Measurements per replay (for per-update figures).</summary>
    public int Measurements => _measurements.Count;

    [GlobalSetup]
    public void Setup()
    {
        var definition = ScenarioLoader.LoadBuiltIn("busy-sky");
        definition.DurationS = Seconds;
        var simulation = new ScenarioSimulation(definition);
        var converter = new SimulatedMeasurements(simulation);
        foreach (var e in simulation.Run(0))
        {
            if (e is RadarPlotEvent plot && converter.TryConvert(plot, out var measurement))
            {
                _measurements.Add((true, measurement, default));
            }
            else if (e is SquitterEvent squitter && converter.TryConvert(squitter, out var observation))
            {
                _measurements.Add((false, default, observation));
            }
        }

        _site = new GeoSite(simulation.Site.LatitudeDegrees, simulation.Site.LongitudeDegrees, simulation.Site.HeightMetres);
        _radar = new GeoSite(simulation.RadarPosition.LatitudeDegrees, simulation.RadarPosition.LongitudeDegrees, simulation.RadarPosition.HeightMetres);
        _sensorId = converter.SensorId;
        _scanMicroseconds = (long)(definition.Radar!.ScanPeriodS * 1e6);
        Console.WriteLine($"// busy-sky {Seconds} s: {_measurements.Count} measurements per replay");
    }

    [Benchmark(Baseline = true)]
    public long BareFilterCycles()
    {
        _filter.Initialise(0, 0, 0, Q39x24.FromInteger(100), 0, 0, Q39x24.FromInteger(100));
        long sum = 0;
        for (var i = 0; i < _measurements.Count; i++)
        {
            _filter.Predict((i + 1) * 10_000L);
            sum += _filter.UpdateEast(Q31x32.FromInteger(i & 63), Q39x24.FromInteger(625));
            sum += _filter.UpdateNorth(Q31x32.FromInteger(i & 31), Q39x24.FromInteger(625));
        }

        return sum;
    }

    [Benchmark]
    public long FullTrackerReplay()
    {
        var output = new CountingOutput();
        var configuration = new TrackerConfiguration { ScanPeriodMicroseconds = _scanMicroseconds };
        var pipeline = new TrackingPipeline(_site, _radar, [], configuration, output);
        pipeline.SetRadarSite(_sensorId, _radar);
        foreach (var (radar, plot, observation) in _measurements)
        {
            if (radar)
            {
                var copy = plot;
                pipeline.AddRadar(ref copy);
            }
            else
            {
                var copy = observation;
                pipeline.AddModeS(ref copy);
            }
        }

        pipeline.Finish();
        return output.Reports;
    }

    private sealed class CountingOutput : ITrackerOutput
    {
        public long Reports { get; private set; }

        public void OnTrackReport(ref TrackReport report) => Reports++;

        public void OnZoneAlert(ref ZoneAlert alert)
        {
        }
    }
}

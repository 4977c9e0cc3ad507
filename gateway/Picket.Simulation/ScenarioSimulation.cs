using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Sensors;
using Picket.Simulation.Truth;

namespace Picket.Simulation;

/// <summary>
/// Runs a scenario: flies every target and lets the sensors observe them, yielding truth samples,
/// radar plots, north markers and ADS-B squitters in time order. Deterministic for a given
/// scenario (its seed drives every random draw).
/// </summary>
public sealed class ScenarioSimulation
{
    /// <summary>Simulation step, microseconds: sensor events inside a step use linear motion.</summary>
    public const long StepMicroseconds = 100_000;

    private readonly ScenarioDefinition _definition;

    /// <summary>Prepares a run of <paramref name="definition"/>.</summary>
    public ScenarioSimulation(ScenarioDefinition definition)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Site = ToGeo(definition.Site);
        RadarPosition = definition.Radar?.Position is { } radar ? ToGeo(radar) : Site;
        DurationMicroseconds = (long)Math.Round(definition.DurationS * 1e6);
        Targets = ResolveTargets(definition, DurationMicroseconds);
    }

    /// <summary>The scenario.</summary>
    public ScenarioDefinition Definition => _definition;

    /// <summary>The mast (receiver antenna).</summary>
    public GeoPosition Site { get; }

    /// <summary>The radar antenna.</summary>
    public GeoPosition RadarPosition { get; }

    /// <summary>Scenario length, microseconds.</summary>
    public long DurationMicroseconds { get; }

    /// <summary>Every target, scripted first, then random traffic; index = truth id.</summary>
    public IReadOnlyList<SimulatedTarget> Targets { get; }

    /// <summary>Runs the scenario and yields its events in time order.</summary>
    /// <param name="truthIntervalMicroseconds">How often truth is sampled (0: never).</param>
    public IEnumerable<SimulationEvent> Run(long truthIntervalMicroseconds = 1_000_000)
    {
        var motions = Targets.Select(t => new TargetMotion(t)).ToArray();
        var atmosphere = _definition.TemperatureDeviationC == 0 && _definition.QnhHpa == Atmosphere.IsaSeaLevelHectopascals
            ? Atmosphere.Standard
            : new Atmosphere(_definition.TemperatureDeviationC, _definition.QnhHpa);
        var radar = _definition.Radar is { } r ? new RadarModel(r, RadarPosition, _definition.Seed, atmosphere) : null;
        var nacP = new Dictionary<int, int>();
        for (var i = 0; i < _definition.Targets.Count; i++)
        {
            if (_definition.Targets[i].NacP is { } own)
            {
                nacP[i] = own;
            }
        }

        var adsb = _definition.Adsb is { } a ? new AdsbModel(a, Site, _definition.Seed + 1, atmosphere, nacP) : null;
        var events = new List<SimulationEvent>();
        var nextTruth = 0L;
        for (var from = 0L; from < DurationMicroseconds; from += StepMicroseconds)
        {
            var to = Math.Min(from + StepMicroseconds, DurationMicroseconds);
            var active = new List<TargetMotion>();
            foreach (var motion in motions)
            {
                if (motion.IsActive(from))
                {
                    motion.AdvanceTo(from);
                    active.Add(motion);
                }
            }

            events.Clear();
            if (truthIntervalMicroseconds > 0)
            {
                for (; nextTruth < to; nextTruth += truthIntervalMicroseconds)
                {
                    foreach (var motion in active)
                    {
                        events.Add(new TruthEvent(nextTruth, motion.Target.Index, motion.State.Extrapolate(nextTruth - from)));
                    }
                }
            }

            radar?.Sweep(from, to, active, events);
            adsb?.Receive(from, to, active, events);

            // Stable sort: equal times keep the order above (truth, radar, ADS-B).
            foreach (var e in events.OrderBy(e => e.TimeMicroseconds))
            {
                yield return e;
            }
        }
    }

    private static List<SimulatedTarget> ResolveTargets(ScenarioDefinition definition, long duration)
    {
        var targets = new List<SimulatedTarget>();
        foreach (var t in definition.Targets)
        {
            // The loader validated every address and code; absent ones stay 0 / -1.
            var icao = t.Icao is not null && ScenarioLoader.TryParseIcao(t.Icao, out var parsed) ? parsed : 0;
            var squawk = -1;
            if (t.Squawk is not null && ScenarioLoader.TryParseSquawk(t.Squawk, out var code))
            {
                squawk = code;
            }

            targets.Add(new SimulatedTarget
            {
                Index = targets.Count,
                Name = t.Name,
                Class = t.Class,
                Icao = icao,
                Callsign = t.Callsign,
                Squawk = squawk,
                Transponder = t.Transponder,
                TransponderOnMicroseconds = (long)Math.Round(t.TransponderOnS * 1e6),
                Adsb = t.Adsb,
                AppearMicroseconds = (long)Math.Round(t.AppearS * 1e6),
                DisappearMicroseconds = t.DisappearS is { } d ? (long)Math.Round(d * 1e6) : duration,
                Start = ToGeo(t.Start),
                SpeedMetresPerSecond = t.SpeedMS,
                HeadingDegrees = t.HeadingDeg,
                Legs = t.Legs.ToArray(),
            });
        }

        if (definition.RandomTraffic is { Count: > 0 } traffic)
        {
            AddTraffic(targets, traffic, ToGeo(definition.Site), definition.Seed + 2, duration);
        }

        return targets;
    }

    private static void AddTraffic(List<SimulatedTarget> targets, TrafficDefinition traffic, GeoPosition site, int seed, long duration)
    {
        var random = new GaussianRandom(seed);
        var icao = ScenarioLoader.TryParseIcao(traffic.FirstIcao, out var first) ? first : 0x4B0000;
        for (var i = 0; i < traffic.Count; i++)
        {
            var radius = traffic.RadiusM * Math.Sqrt(random.NextDouble());
            var bearing = Wgs84.ToRadians(random.Uniform(0, 360));
            var altitude = random.Uniform(traffic.MinimumAltitudeM, traffic.MaximumAltitudeM);
            var start = Wgs84.FromEnu(site, new Vector3(radius * Math.Sin(bearing), radius * Math.Cos(bearing), 0));

            // Squawks 1000-6777 octal: clear of the emergency and special codes (7500, 7600, 7700).
            var squawk = random.Next(512, 3584);
            targets.Add(new SimulatedTarget
            {
                Index = targets.Count,
                Name = $"traffic-{i + 1}",
                Class = TargetClass.Airliner,
                Icao = (icao + i) & 0xFFFFFF,
                Callsign = $"SIM{i + 1:D4}",
                Squawk = squawk,
                Transponder = true,
                Adsb = true,
                AppearMicroseconds = 0,
                DisappearMicroseconds = duration,
                Start = start with { HeightMetres = altitude },
                SpeedMetresPerSecond = random.Uniform(traffic.MinimumSpeedMS, traffic.MaximumSpeedMS),
                HeadingDegrees = random.Uniform(0, 360),
                Legs = [],
            });
        }
    }

    private static GeoPosition ToGeo(PositionDefinition p) => new(p.LatitudeDeg, p.LongitudeDeg, p.AltitudeM);
}

using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Truth;

namespace Picket.Simulation.Sensors;

/// <summary>
/// A rotating radar: the beam turns clockwise from north once per scan; a target is seen when
/// the beam crosses it, with probability Pd, if it is within range and above the lowest
/// elevation; range, azimuth and (3-D radar) height get Gaussian noise; transponders reply with
/// Mode 3/A, Mode C (the day's pressure altitude, <see cref="Atmosphere"/>) and their Mode S
/// address. Opt-in realism: Pd falling with range (radar equation, Swerling 1), a fixed azimuth
/// bias, and clutter areas whose points recur scan after scan with a small jitter on top of the
/// uniform clutter redrawn every scan.
/// </summary>
public sealed class RadarModel
{
    private const double FeetPerMetre = 1 / 0.3048;

    private readonly RadarDefinition _definition;
    private readonly GaussianRandom _random;
    private readonly long _scanMicroseconds;
    private readonly List<(double Azimuth, double Range, double Height)> _clutter = [];
    private readonly List<(double Azimuth, double Range)>[] _areaPoints;
    private readonly GaussianRandom _areaRandom;
    private readonly Atmosphere _atmosphere;
    private readonly double _referenceSnr;
    private int _scan = -1;

    /// <summary>Creates the model for the radar at <paramref name="position"/>.</summary>
    public RadarModel(RadarDefinition definition, GeoPosition position, int seed, Atmosphere? atmosphere = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        Position = position;
        _random = new GaussianRandom(seed);

        // A stream of its own, so that adding clutter areas leaves every other draw unchanged.
        _areaRandom = new GaussianRandom(unchecked((seed * 7919) + 17));
        _areaPoints = definition.ClutterAreas.Select(_ => new List<(double, double)>()).ToArray();
        _atmosphere = atmosphere ?? Atmosphere.Standard;
        _scanMicroseconds = (long)Math.Round(definition.ScanPeriodS * 1e6);

        // Swerling 1: Pd = Pfa^(1 / (1 + SNR)), so the reference SNR is ln Pfa / ln Pd - 1.
        var pd = Math.Clamp(definition.DetectionProbability, 1e-9, 1 - 1e-12);
        _referenceSnr = (Math.Log(definition.FalseAlarmProbability) / Math.Log(pd)) - 1;
    }

    /// <summary>
    /// Probability of detecting a target at slant range <paramref name="rangeMetres"/>: the
    /// definition's Pd, or with a reference range the Swerling-1 law on an SNR falling as r^-4.
    /// </summary>
    public double DetectionProbabilityAt(double rangeMetres)
    {
        if (_definition.PdReferenceRangeM is not { } reference)
        {
            return _definition.DetectionProbability;
        }

        var ratio = reference / Math.Max(rangeMetres, 1);
        var snr = _referenceSnr * ratio * ratio * ratio * ratio;
        return Math.Pow(_definition.FalseAlarmProbability, 1 / (1 + snr));
    }

    /// <summary>The antenna's position.</summary>
    public GeoPosition Position { get; }

    /// <summary>Scan period, microseconds.</summary>
    public long ScanMicroseconds => _scanMicroseconds;

    /// <summary>
    /// Adds the plots and north markers of the beam's sweep from <paramref name="from"/> to
    /// <paramref name="to"/> (microseconds) to <paramref name="events"/>. Targets are given at
    /// time <paramref name="from"/>.
    /// </summary>
    public void Sweep(long from, long to, IReadOnlyList<TargetMotion> targets, List<SimulationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(events);
        var scanAtFrom = (int)(from / _scanMicroseconds);
        var scanAtTo = (int)((to - 1) / _scanMicroseconds);
        for (var scan = scanAtFrom; scan <= scanAtTo; scan++)
        {
            if (scan != _scan)
            {
                _scan = scan;
                events.Add(new NorthMarkerEvent(scan * _scanMicroseconds, scan));
                DrawClutter();
            }
        }

        var fromAzimuth = BeamAzimuth(from);
        var sweep = 360.0 * (to - from) / _scanMicroseconds;
        foreach (var motion in targets)
        {
            if (!motion.IsActive(from))
            {
                continue;
            }

            var enu = Wgs84.ToEnu(Position, motion.State.Position);
            var azimuth = Azimuth(enu);
            var ahead = Ahead(fromAzimuth, azimuth);
            if (ahead >= sweep)
            {
                continue;
            }

            // The beam meets the target where it will be, not where it was at the step's start:
            // one correction with the extrapolated position leaves a second-order error.
            var time = from + (long)(ahead / 360.0 * _scanMicroseconds);
            var state = motion.State.Extrapolate(time - from);
            enu = Wgs84.ToEnu(Position, state.Position);
            ahead = Ahead(fromAzimuth, Azimuth(enu));
            if (ahead >= sweep)
            {
                continue;
            }

            time = from + (long)(ahead / 360.0 * _scanMicroseconds);
            state = motion.State.Extrapolate(time - from);
            enu = Wgs84.ToEnu(Position, state.Position);
            var range = enu.Length;
            var elevation = Wgs84.ToDegrees(Math.Asin(enu.Z / Math.Max(range, 1)));
            if (range > _definition.MaxRangeM || elevation < _definition.MinimumElevationDeg || !_random.Chance(DetectionProbabilityAt(range)))
            {
                continue;
            }

            events.Add(Measure(time, motion.Target, state, range, Azimuth(enu)));
        }

        foreach (var (azimuth, range, height) in _clutter)
        {
            var ahead = Ahead(fromAzimuth, azimuth);
            if (ahead < sweep)
            {
                events.Add(new RadarPlotEvent(from + (long)(ahead / 360.0 * _scanMicroseconds))
                {
                    TargetIndex = -1,
                    SlantRangeMetres = range,
                    AzimuthDegrees = azimuth,
                    HeightMetres = _definition.MeasuresHeight && !double.IsNaN(height) ? height : double.NaN,
                    TrueSlantRangeMetres = range,
                    TrueAzimuthDegrees = azimuth,
                });
            }
        }
    }

    private RadarPlotEvent Measure(long time, SimulatedTarget target, TruthState state, double range, double azimuth)
    {
        var reply = _definition.Secondary && target.Transponder && time >= target.TransponderOnMicroseconds;
        return new RadarPlotEvent(time)
        {
            TargetIndex = target.Index,
            SlantRangeMetres = Math.Max(0, range + _random.Normal(_definition.SigmaRangeM)),
            AzimuthDegrees = Wrap(azimuth + _definition.AzimuthBiasDeg + _random.Normal(_definition.SigmaAzimuthDeg)),
            HeightMetres = _definition.MeasuresHeight ? state.Position.HeightMetres + _random.Normal(_definition.SigmaHeightM) : double.NaN,
            Secondary = reply,
            Mode3A = reply ? target.Squawk : -1,

            // The transponder reports pressure altitude (the day's atmosphere, no geoid): Mode C
            // to 100 ft, Mode S to 25 ft.
            PressureAltitudeFeet = reply ? Quantise(_atmosphere.PressureAltitudeMetres(state.Position.HeightMetres) * FeetPerMetre, target.Icao != 0 ? 25 : 100) : double.NaN,
            Icao = reply ? target.Icao : 0,
            Callsign = reply ? target.Callsign : null,
            TrueSlantRangeMetres = range,
            TrueAzimuthDegrees = azimuth,
        };
    }

    private void DrawClutter()
    {
        _clutter.Clear();
        var count = _random.Poisson(_definition.ClutterPerScan);
        for (var i = 0; i < count; i++)
        {
            // Uniform over the disc: range grows with the square root of a uniform draw.
            _clutter.Add((_random.Uniform(0, 360), _definition.MaxRangeM * Math.Sqrt(_random.NextDouble()), UniformClutterHeight()));
        }

        for (var a = 0; a < _areaPoints.Length; a++)
        {
            DrawArea(_definition.ClutterAreas[a], _areaPoints[a]);
        }
    }

    private double UniformClutterHeight() =>
        _definition.ClutterMaximumHeightM > 0 ? _areaRandom.Uniform(_definition.ClutterMinimumHeightM, _definition.ClutterMaximumHeightM) : double.NaN;

    // A clutter area keeps its scatterers from scan to scan (each survives with the area's
    // persistence) and tops up with fresh ones to its mean density; each scan reports a
    // scatterer at its fixed place plus a fresh jitter, so points recur without wandering off.
    private void DrawArea(ClutterAreaDefinition area, List<(double Azimuth, double Range)> points)
    {
        points.RemoveAll(_ => !_areaRandom.Chance(area.Persistence));
        var wanted = _areaRandom.Poisson(area.PlotsPerScan);
        var span = Wrap(area.AzimuthToDeg - area.AzimuthFromDeg);
        span = span == 0 ? 360 : span;
        var r0 = area.RangeFromM * area.RangeFromM;
        var r1 = area.RangeToM * area.RangeToM;
        for (var i = points.Count; i < wanted; i++)
        {
            // Uniform over the annular sector's area.
            points.Add((Wrap(area.AzimuthFromDeg + _areaRandom.Uniform(0, span)), Math.Sqrt(r0 + ((r1 - r0) * _areaRandom.NextDouble()))));
        }

        foreach (var (azimuth, range) in points)
        {
            var cross = _areaRandom.Normal(area.JitterM) / Math.Max(range, 1);
            _clutter.Add((Wrap(azimuth + Wgs84.ToDegrees(cross)), Math.Max(1, range + _areaRandom.Normal(area.JitterM)), area.HeightM));
        }
    }

    private double BeamAzimuth(long time) => 360.0 * (time % _scanMicroseconds) / _scanMicroseconds;

    private static double Ahead(double beam, double azimuth) => Wrap(azimuth - beam);

    private static double Azimuth(Vector3 enu) => Wrap(Wgs84.ToDegrees(Math.Atan2(enu.X, enu.Y)));

    private static double Wrap(double degrees)
    {
        degrees %= 360;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static double Quantise(double value, double step) => Math.Round(value / step) * step;
}

using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Truth;

namespace Picket.Simulation.Sensors;

/// <summary>
/// ADS-B transmitters and the mast's receiver: each equipped target sends position, velocity
/// and identification squitters at the nominal rates with the random jitter DO-260B prescribes
/// (a transmission interval drawn uniformly from 0.8 to 1.2 times the nominal period); the
/// receiver hears them within range and line of sight, loses some, and some arrive with a bit
/// flipped. Opt-in realism: navigation noise consistent with the announced NACp (and TC 31
/// announcing it), position latency, occasional bad positions, two-bit errors, reception falling
/// with range, and barometric altitude from the day's <see cref="Atmosphere"/>.
/// </summary>
public sealed class AdsbModel
{
    private readonly AdsbDefinition _definition;
    private readonly GeoPosition _receiver;
    private readonly GaussianRandom _random;
    private readonly Dictionary<(int Target, SquitterKind Kind), long> _next = [];
    private readonly Dictionary<int, bool> _odd = [];
    private readonly GaussianRandom _navigation;
    private readonly Atmosphere _atmosphere;
    private readonly IReadOnlyDictionary<int, int> _targetNacP;

    /// <summary>Creates the model for the receiver at <paramref name="receiver"/>.</summary>
    /// <param name="definition">The receiver and transmitters.</param>
    /// <param name="receiver">The receiver's antenna.</param>
    /// <param name="seed">Seed of the channel's draws.</param>
    /// <param name="atmosphere">The day's atmosphere (pressure altitude), standard when null.</param>
    /// <param name="targetNacP">NACp per target index where the target overrides the default.</param>
    public AdsbModel(AdsbDefinition definition, GeoPosition receiver, int seed, Atmosphere? atmosphere = null, IReadOnlyDictionary<int, int>? targetNacP = null)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _receiver = receiver;
        _random = new GaussianRandom(seed);

        // Navigation errors draw from a stream of their own: the channel's draws stay as before.
        _navigation = new GaussianRandom(unchecked((seed * 104_729) + 3));
        _atmosphere = atmosphere ?? Atmosphere.Standard;
        _targetNacP = targetNacP ?? new Dictionary<int, int>();
    }

    /// <summary>
    /// The 95 % horizontal position bound of a NACp, metres (DO-260B table 2-70: EPU &lt; 10 NM
    /// for 1 down to &lt; 3 m for 11), or NaN for NACp 0 (unknown).
    /// </summary>
    public static double EstimatedPositionUncertaintyMetres(int nacP) => nacP switch
    {
        1 => 10 * 1852.0,
        2 => 4 * 1852.0,
        3 => 2 * 1852.0,
        4 => 1852.0,
        5 => 0.5 * 1852.0,
        6 => 0.3 * 1852.0,
        7 => 0.1 * 1852.0,
        8 => 0.05 * 1852.0,
        9 => 30,
        10 => 10,
        11 => 3,
        _ => double.NaN,
    };

    /// <summary>
    /// One-sigma error per horizontal axis for a NACp, metres: a circular Gaussian holds 95 % of
    /// its mass within sigma × sqrt(-2 ln 0.05) = 2.448 sigma, the EPU.
    /// </summary>
    public static double PositionSigmaMetres(int nacP) => EstimatedPositionUncertaintyMetres(nacP) / Math.Sqrt(-2 * Math.Log(0.05));

    /// <summary>The NACp target <paramref name="targetIndex"/> announces, or -1 when positions are the truth.</summary>
    public int NacPOf(int targetIndex) =>
        _targetNacP.TryGetValue(targetIndex, out var own) ? own : _definition.NacP ?? -1;

    /// <summary>Reception probability at <paramref name="rangeMetres"/> (before line of sight).</summary>
    public double ReceptionProbabilityAt(double rangeMetres)
    {
        if (_definition.ReceptionNear is not { } near)
        {
            return 1 - _definition.LossProbability;
        }

        var fraction = Math.Clamp(rangeMetres / _definition.MaxRangeM, 0, 1);
        return near + ((_definition.ReceptionFar - near) * fraction);
    }

    /// <summary>Messages lost on the channel so far.</summary>
    public long Lost { get; private set; }

    /// <summary>Adds the squitters received between <paramref name="from"/> and <paramref name="to"/> (microseconds).</summary>
    public void Receive(long from, long to, IReadOnlyList<TargetMotion> targets, List<SimulationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var motion in targets)
        {
            var target = motion.Target;
            if (!target.Adsb || !motion.IsActive(from) || from < target.TransponderOnMicroseconds)
            {
                continue;
            }

            Emit(motion, SquitterKind.AirbornePosition, _definition.PositionRateHz, from, to, events);
            Emit(motion, SquitterKind.Velocity, _definition.VelocityRateHz, from, to, events);
            Emit(motion, SquitterKind.Identification, _definition.IdentificationRateHz, from, to, events);
            if (NacPOf(target.Index) >= 0)
            {
                Emit(motion, SquitterKind.OperationalStatus, _definition.OperationalStatusRateHz, from, to, events);
            }
        }
    }

    private void Emit(TargetMotion motion, SquitterKind kind, double rateHz, long from, long to, List<SimulationEvent> events)
    {
        if (rateHz <= 0)
        {
            return;
        }

        var key = (motion.Target.Index, kind);
        var period = 1e6 / rateHz;
        if (!_next.TryGetValue(key, out var next))
        {
            next = from + (long)(_random.NextDouble() * period);
        }

        while (next < to)
        {
            var state = motion.State.Extrapolate(next - from);
            var odd = false;
            if (kind == SquitterKind.AirbornePosition)
            {
                // Even and odd CPR formats alternate on the transmitter, whether or not received.
                odd = _odd.TryGetValue(motion.Target.Index, out var wasOdd) && !wasOdd;
                _odd[motion.Target.Index] = odd;
            }

            if (Heard(state))
            {
                var squitter = new SquitterEvent(next)
                {
                    TargetIndex = motion.Target.Index,
                    Icao = motion.Target.Icao,
                    Kind = kind,
                    State = state,
                    OddFormat = odd,
                    FlippedBit = _random.Chance(_definition.BitErrorProbability) ? _random.Next(1, 113) : 0,
                };
                events.Add(Realise(squitter, motion, next - from));
            }

            next += (long)(period * _random.Uniform(0.8, 1.2));
        }

        _next[key] = next;
    }

    // What the transmitter really sends: the opt-in navigation error, latency, bad fix, second
    // bit error and barometric altitude. Without any of them the squitter is returned unchanged.
    private SquitterEvent Realise(SquitterEvent squitter, TargetMotion motion, long offsetMicroseconds)
    {
        var nacP = NacPOf(squitter.TargetIndex);
        var secondBit = _definition.TwoBitErrorProbability > 0 && squitter.FlippedBit == 0 && _navigation.Chance(_definition.TwoBitErrorProbability)
            ? (_navigation.Next(1, 113), _navigation.Next(1, 113))
            : (squitter.FlippedBit, 0);
        var pressureFeet = _atmosphere == Atmosphere.Standard
            ? double.NaN
            : _atmosphere.PressureAltitudeMetres(squitter.State.Position.HeightMetres) / 0.3048;
        var result = squitter with
        {
            FlippedBit = secondBit.Item1,
            SecondFlippedBit = secondBit.Item2 == secondBit.Item1 ? 0 : secondBit.Item2,
            NacP = nacP,
            PressureAltitudeFeet = pressureFeet,
            GeometricMinusBarometricFeet = double.IsNaN(pressureFeet) ? double.NaN : (squitter.State.Position.HeightMetres / 0.3048) - pressureFeet,
        };
        if (squitter.Kind != SquitterKind.AirbornePosition)
        {
            return result;
        }

        var latency = _definition.MaximumLatencyS > 0 ? (long)(_navigation.Uniform(0, _definition.MaximumLatencyS) * 1e6) : 0;
        var position = latency > 0 ? motion.State.Extrapolate(offsetMicroseconds - latency).Position : squitter.State.Position;
        var east = 0.0;
        var north = 0.0;
        if (nacP >= 0)
        {
            var sigma = PositionSigmaMetres(nacP);
            east = _navigation.Normal(sigma);
            north = _navigation.Normal(sigma);
        }

        if (_definition.BadPositionProbability > 0 && _navigation.Chance(_definition.BadPositionProbability))
        {
            var bearing = _navigation.Uniform(0, 2 * Math.PI);
            east += _definition.BadPositionOffsetM * Math.Sin(bearing);
            north += _definition.BadPositionOffsetM * Math.Cos(bearing);
        }

        if (latency == 0 && east == 0 && north == 0)
        {
            return result;
        }

        var reported = Wgs84.FromEnu(position, new Vector3(east, north, 0));
        return result with { ReportedPosition = reported with { HeightMetres = position.HeightMetres } };
    }

    private bool Heard(TruthState state)
    {
        var enu = Wgs84.ToEnu(_receiver, state.Position);
        var range = enu.Length;

        // Geometric line of sight with a half-degree allowance for refraction near the horizon.
        var elevation = Wgs84.ToDegrees(Math.Asin(enu.Z / Math.Max(range, 1)));
        if (range > _definition.MaxRangeM || elevation < -0.5)
        {
            return false;
        }

        if (_definition.ReceptionNear is null ? _random.Chance(_definition.LossProbability) : !_random.Chance(ReceptionProbabilityAt(range)))
        {
            Lost++;
            return false;
        }

        return true;
    }
}

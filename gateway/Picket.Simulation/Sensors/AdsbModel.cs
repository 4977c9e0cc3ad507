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
/// flipped.
/// </summary>
public sealed class AdsbModel
{
    private readonly AdsbDefinition _definition;
    private readonly GeoPosition _receiver;
    private readonly GaussianRandom _random;
    private readonly Dictionary<(int Target, SquitterKind Kind), long> _next = [];
    private readonly Dictionary<int, bool> _odd = [];

    /// <summary>Creates the model for the receiver at <paramref name="receiver"/>.</summary>
    public AdsbModel(AdsbDefinition definition, GeoPosition receiver, int seed)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _receiver = receiver;
        _random = new GaussianRandom(seed);
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
            if (!target.Adsb || !motion.IsActive(from))
            {
                continue;
            }

            Emit(motion, SquitterKind.AirbornePosition, _definition.PositionRateHz, from, to, events);
            Emit(motion, SquitterKind.Velocity, _definition.VelocityRateHz, from, to, events);
            Emit(motion, SquitterKind.Identification, _definition.IdentificationRateHz, from, to, events);
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
                events.Add(new SquitterEvent(next)
                {
                    TargetIndex = motion.Target.Index,
                    Icao = motion.Target.Icao,
                    Kind = kind,
                    State = state,
                    OddFormat = odd,
                    FlippedBit = _random.Chance(_definition.BitErrorProbability) ? _random.Next(1, 113) : 0,
                });
            }

            next += (long)(period * _random.Uniform(0.8, 1.2));
        }

        _next[key] = next;
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

        if (_random.Chance(_definition.LossProbability))
        {
            Lost++;
            return false;
        }

        return true;
    }
}

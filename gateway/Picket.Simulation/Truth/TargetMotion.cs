using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Truth;

/// <summary>
/// Flies one target through its legs on the WGS84 ellipsoid: latitude, longitude and height
/// integrated from speed, track and vertical rate with the midpoint rule (second order) in steps
/// of at most <see cref="MaxStepMicroseconds"/>. Time only moves forward.
/// </summary>
/// <remarks>
/// A straight leg is a geodesic (what an aircraft flies), not a rhumb line: the track angle
/// against true north drifts by the transport rate v·sin(track)·tan(latitude)/(N + h) as the
/// meridians converge. A turn adds its rate to that, so a full turn closes its circle.
/// </remarks>
public sealed class TargetMotion
{
    /// <summary>Largest integration step, microseconds.</summary>
    public const long MaxStepMicroseconds = 50_000;

    private readonly SimulatedTarget _target;
    private int _leg;
    private long _legEndMicroseconds;

    /// <summary>Places the target at its start, at its appearance time.</summary>
    public TargetMotion(SimulatedTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        State = new TruthState(target.AppearMicroseconds, target.Start, target.SpeedMetresPerSecond, Normalise(target.HeadingDegrees), 0);
        _legEndMicroseconds = target.AppearMicroseconds + LegLength(0);
    }

    /// <summary>The target.</summary>
    public SimulatedTarget Target => _target;

    /// <summary>The current truth.</summary>
    public TruthState State { get; private set; }

    /// <summary>True while the target exists at <paramref name="timeMicroseconds"/>.</summary>
    public bool IsActive(long timeMicroseconds) => timeMicroseconds >= _target.AppearMicroseconds && timeMicroseconds < _target.DisappearMicroseconds;

    /// <summary>Flies the target to <paramref name="timeMicroseconds"/>.</summary>
    public void AdvanceTo(long timeMicroseconds)
    {
        while (State.TimeMicroseconds < timeMicroseconds)
        {
            var step = Math.Min(MaxStepMicroseconds, timeMicroseconds - State.TimeMicroseconds);
            if (_leg < _target.Legs.Count)
            {
                // Never step across a leg boundary: the rates change there.
                step = Math.Min(step, _legEndMicroseconds - State.TimeMicroseconds);
                if (step <= 0)
                {
                    _leg++;
                    _legEndMicroseconds += LegLength(_leg);
                    continue;
                }
            }

            Step(step);
        }
    }

    private void Step(long microseconds)
    {
        var dt = microseconds / 1e6;
        var leg = _leg < _target.Legs.Count ? _target.Legs[_leg] : null;
        var turnRate = leg?.TurnRateDegS ?? 0;
        var verticalRate = leg?.VerticalRateMS ?? 0;
        var acceleration = leg?.AccelerationMS2 ?? 0;

        // Midpoint rule: rates evaluated half a step ahead.
        var latitude = Wgs84.ToRadians(State.Position.LatitudeDegrees);
        var midSpeed = Math.Max(0, State.SpeedMetresPerSecond + (acceleration * dt / 2));
        var startTransport = Wgs84.ToDegrees(State.SpeedMetresPerSecond * Math.Sin(Wgs84.ToRadians(State.HeadingDegrees)) * Math.Tan(latitude)
            / (Wgs84.PrimeVerticalRadius(latitude) + State.Position.HeightMetres));
        var midHeading = Wgs84.ToRadians(State.HeadingDegrees + ((turnRate + startTransport) * dt / 2));
        var midHeight = State.Position.HeightMetres + (verticalRate * dt / 2);
        var midLatitude = latitude + (midSpeed * Math.Cos(midHeading) * dt / 2 / (Wgs84.MeridianRadius(latitude) + midHeight));

        var northRate = midSpeed * Math.Cos(midHeading) / (Wgs84.MeridianRadius(midLatitude) + midHeight);
        var eastRate = midSpeed * Math.Sin(midHeading) / ((Wgs84.PrimeVerticalRadius(midLatitude) + midHeight) * Math.Cos(midLatitude));
        var transportRate = Wgs84.ToDegrees(eastRate * Math.Sin(midLatitude));

        State = new TruthState(
            State.TimeMicroseconds + microseconds,
            new GeoPosition(
                State.Position.LatitudeDegrees + Wgs84.ToDegrees(northRate * dt),
                State.Position.LongitudeDegrees + Wgs84.ToDegrees(eastRate * dt),
                State.Position.HeightMetres + (verticalRate * dt)),
            Math.Max(0, State.SpeedMetresPerSecond + (acceleration * dt)),
            Normalise(State.HeadingDegrees + ((turnRate + transportRate) * dt)),
            verticalRate);
    }

    private long LegLength(int leg) =>
        leg < _target.Legs.Count ? (long)Math.Round(_target.Legs[leg].DurationS * 1e6) : long.MaxValue / 4;

    private static double Normalise(double degrees)
    {
        degrees %= 360;
        return degrees < 0 ? degrees + 360 : degrees;
    }
}

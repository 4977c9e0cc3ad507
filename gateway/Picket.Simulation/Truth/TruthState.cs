using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Truth;

/// <summary>Where a target really is at one instant.</summary>
/// <param name="TimeMicroseconds">Microseconds after the scenario start.</param>
/// <param name="Position">WGS84 position.</param>
/// <param name="SpeedMetresPerSecond">Ground speed.</param>
/// <param name="HeadingDegrees">Track over ground, 0 to 360 from true north.</param>
/// <param name="VerticalRateMetresPerSecond">Climb rate, positive up.</param>
public readonly record struct TruthState(long TimeMicroseconds, GeoPosition Position, double SpeedMetresPerSecond, double HeadingDegrees, double VerticalRateMetresPerSecond)
{
    /// <summary>Velocity east, metres per second.</summary>
    public double VelocityEast => SpeedMetresPerSecond * Math.Sin(Wgs84.ToRadians(HeadingDegrees));

    /// <summary>Velocity north, metres per second.</summary>
    public double VelocityNorth => SpeedMetresPerSecond * Math.Cos(Wgs84.ToRadians(HeadingDegrees));

    /// <summary>
    /// The state <paramref name="microseconds"/> later assuming constant velocity (for events
    /// inside one simulation step; the error over a 100 ms step is centimetres).
    /// </summary>
    public TruthState Extrapolate(long microseconds)
    {
        var dt = microseconds / 1e6;
        var latitude = Wgs84.ToRadians(Position.LatitudeDegrees);
        var north = VelocityNorth * dt / (Wgs84.MeridianRadius(latitude) + Position.HeightMetres);
        var east = VelocityEast * dt / ((Wgs84.PrimeVerticalRadius(latitude) + Position.HeightMetres) * Math.Cos(latitude));
        return this with
        {
            TimeMicroseconds = TimeMicroseconds + microseconds,
            Position = new GeoPosition(
                Position.LatitudeDegrees + Wgs84.ToDegrees(north),
                Position.LongitudeDegrees + Wgs84.ToDegrees(east),
                Position.HeightMetres + (VerticalRateMetresPerSecond * dt)),
        };
    }
}

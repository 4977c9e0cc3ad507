namespace Picket.Simulation.Scenarios;

/// <summary>A WGS84 position in a scenario file.</summary>
public sealed class PositionDefinition
{
    /// <summary>Latitude, degrees north, -90 to 90.</summary>
    public double LatitudeDeg { get; set; }

    /// <summary>Longitude, degrees east, -180 to 180.</summary>
    public double LongitudeDeg { get; set; }

    /// <summary>Height above the WGS84 ellipsoid, metres.</summary>
    public double AltitudeM { get; set; }
}

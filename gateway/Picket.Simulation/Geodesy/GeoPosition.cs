namespace Picket.Simulation.Geodesy;

/// <summary>A WGS84 geodetic position.</summary>
/// <param name="LatitudeDegrees">Latitude, -90 to 90.</param>
/// <param name="LongitudeDegrees">Longitude, -180 to 180.</param>
/// <param name="HeightMetres">Height above the ellipsoid, metres.</param>
public readonly record struct GeoPosition(double LatitudeDegrees, double LongitudeDegrees, double HeightMetres);

namespace Picket.Gateway.Zones;

/// <summary>A polygon vertex in WGS84 degrees.</summary>
/// <param name="LatitudeDegrees">Latitude, -90 to 90.</param>
/// <param name="LongitudeDegrees">Longitude, -180 to 180.</param>
public readonly record struct GeoVertex(double LatitudeDegrees, double LongitudeDegrees);

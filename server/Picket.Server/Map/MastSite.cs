namespace Picket.Server.Map;

/// <summary>Where a gateway's mast stands, as its last Hello said.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="SiteName">Human-readable site name; may be empty.</param>
/// <param name="LatitudeDegrees">WGS84 latitude, degrees, -90 to 90.</param>
/// <param name="LongitudeDegrees">WGS84 longitude, degrees, -180 to 180.</param>
/// <param name="HeightMetres">WGS84 height, metres, when the Hello gave one.</param>
public sealed record MastSite(string GatewayId, string SiteName, double LatitudeDegrees, double LongitudeDegrees, double? HeightMetres);

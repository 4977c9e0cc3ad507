using Picket.Gateway.Zones;
using Picket.Geodesy;
using Picket.Zones;

namespace Picket.Gateway.Tracking;

/// <summary>Projects configured zones (WGS84 degrees) into the mast plane for the core's zone tests.</summary>
public static class ZoneProjection
{
    /// <summary>Longest straight piece a zone edge is cut into before projection, metres.</summary>
    public const int MaximumEdgeMetres = 1_000;

    /// <summary>
    /// One <see cref="ZoneGeometry"/> per zone, every ring of every polygon back to back (even-odd
    /// rule), through the core's <see cref="Picket.Zones.ZoneProjection"/> (edges densified).
    /// Each zone is first checked by <see cref="ZoneValidator"/>, coverage included, so a zone
    /// that did not come through <see cref="GeoJsonZoneReader"/> with the mast cannot fold back
    /// onto the mast either.
    /// </summary>
    /// <param name="zones">Zones as read from GeoJSON.</param>
    /// <param name="plane">The mast plane.</param>
    /// <returns>The zones in plane millimetres, in the same order.</returns>
    /// <exception cref="ZoneFileException">A zone is invalid or reaches beyond the mast's coverage.</exception>
    public static ZoneGeometry[] Project(IReadOnlyList<GeoZone> zones, MastPlane plane)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(plane);
        var result = new ZoneGeometry[zones.Count];
        var mastLatitude = RadiansToDegrees(plane.LatitudeRadians);
        var mastLongitude = RadiansToDegrees(plane.LongitudeRadians);
        for (var z = 0; z < zones.Count; z++)
        {
            var where = $"zones[{z}]";
            ZoneValidator.Validate(zones[z], where);
            ZoneValidator.CheckCoverage(zones[z], where, mastLatitude, mastLongitude);
            var latitudes = new List<long>();
            var longitudes = new List<long>();
            var starts = new List<int>();
            foreach (var ring in zones[z].Polygons.SelectMany(polygon => polygon))
            {
                starts.Add(latitudes.Count);
                foreach (var vertex in ring)
                {
                    latitudes.Add((long)Math.Round(vertex.LatitudeDegrees * 1e7));
                    longitudes.Add((long)Math.Round(vertex.LongitudeDegrees * 1e7));
                }
            }

            result[z] = Picket.Zones.ZoneProjection.Project(plane, [.. latitudes], [.. longitudes], [.. starts], MaximumEdgeMetres);
        }

        return result;
    }

    // Q2.61 radians to degrees; only the coverage check's great-circle distance uses it.
    private static double RadiansToDegrees(long radians) => radians / (double)(1L << 61) * (180 / Math.PI);
}

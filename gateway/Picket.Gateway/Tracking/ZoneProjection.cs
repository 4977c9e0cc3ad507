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
    /// </summary>
    /// <param name="zones">Zones as read from GeoJSON.</param>
    /// <param name="plane">The mast plane.</param>
    /// <returns>The zones in plane millimetres, in the same order.</returns>
    public static ZoneGeometry[] Project(IReadOnlyList<GeoZone> zones, MastPlane plane)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(plane);
        var result = new ZoneGeometry[zones.Count];
        for (var z = 0; z < zones.Count; z++)
        {
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
}

using Picket.Gateway.Zones;
using Picket.Geodesy;
using Picket.Numerics;
using Picket.Zones;

namespace Picket.Gateway.Tracking;

/// <summary>Projects configured zones (WGS84 degrees) into the mast plane for the core's zone tests.</summary>
public static class ZoneProjection
{
    /// <summary>One <see cref="ZoneGeometry"/> per zone, every ring of every polygon back to back (even-odd rule).</summary>
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
            var east = new List<long>();
            var north = new List<long>();
            var starts = new List<int>();
            foreach (var polygon in zones[z].Polygons)
            {
                foreach (var ring in polygon)
                {
                    starts.Add(east.Count);
                    foreach (var vertex in ring)
                    {
                        var saturations = 0;
                        var latitude = Q2x61.FromDegreesE7((long)Math.Round(vertex.LatitudeDegrees * 1e7), ref saturations);
                        var longitude = Q2x61.FromDegreesE7((long)Math.Round(vertex.LongitudeDegrees * 1e7), ref saturations);
                        plane.ToPlane(latitude, longitude, out var e, out var n, ref saturations);
                        east.Add(Q31x32.ToScaledInteger(e, 1000, ref saturations));
                        north.Add(Q31x32.ToScaledInteger(n, 1000, ref saturations));
                    }
                }
            }

            result[z] = new ZoneGeometry([.. east], [.. north], [.. starts]);
        }

        return result;
    }
}

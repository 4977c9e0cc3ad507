using System;
using Picket.Geodesy;
using Picket.Numerics;

namespace Picket.Zones;

/// <summary>
/// Builds a <see cref="ZoneGeometry"/> from GeoJSON-style rings of longitude/latitude vertices
/// (parsed by the host). GeoJSON edges are straight in longitude/latitude (RFC 7946 §3.1.1), but
/// their image in the mast plane is curved, so every edge is first cut into pieces no longer
/// than a given length, interpolated linearly in longitude/latitude, and the pieces projected.
/// Runs once per zone at configuration time; it allocates the vertex arrays it returns.
/// </summary>
public static class ZoneProjection
{
    /// <summary>Projects and densifies the rings.</summary>
    /// <param name="plane">The mast plane.</param>
    /// <param name="latitudesE7">Vertex latitudes, 1e-7 degree, all rings concatenated.</param>
    /// <param name="longitudesE7">Vertex longitudes, 1e-7 degree, same length. Rings must not cross ±180°.</param>
    /// <param name="ringStarts">Index of each ring's first vertex (see <see cref="ZoneGeometry"/>).</param>
    /// <param name="maximumEdgeMetres">Longest piece an edge is cut into, metres, ≥ 1 (e.g. 1,000).</param>
    /// <returns>The zone in plane millimetres.</returns>
    /// <exception cref="ArgumentException">Inconsistent arrays or a non-positive edge length.</exception>
    public static ZoneGeometry Project(MastPlane plane, long[] latitudesE7, long[] longitudesE7, int[] ringStarts, int maximumEdgeMetres)
    {
        if (plane == null || latitudesE7 == null || longitudesE7 == null || ringStarts == null || latitudesE7.Length != longitudesE7.Length || ringStarts.Length == 0)
        {
            throw new ArgumentException("plane, equal-length vertex arrays and ring starts are required");
        }

        if (maximumEdgeMetres < 1)
        {
            throw new ArgumentException("maximumEdgeMetres must be at least 1");
        }

        int saturations = 0;
        int total = 0;
        int[] pieces = new int[latitudesE7.Length];
        long[] east = new long[latitudesE7.Length];
        long[] north = new long[latitudesE7.Length];
        for (int i = 0; i < latitudesE7.Length; i++)
        {
            ProjectMillimetres(plane, latitudesE7[i], longitudesE7[i], out east[i], out north[i], ref saturations);
        }

        for (int ring = 0; ring < ringStarts.Length; ring++)
        {
            int start = ringStarts[ring];
            int end = ring + 1 < ringStarts.Length ? ringStarts[ring + 1] : latitudesE7.Length;
            for (int i = start; i < end; i++)
            {
                int next = i + 1 < end ? i + 1 : start;
                long length = FixedPoint.Hypotenuse(east[next] - east[i], north[next] - north[i], ref saturations);
                pieces[i] = (int)(length / (maximumEdgeMetres * 1000L)) + 1;
                total += pieces[i];
            }
        }

        long[] denseEast = new long[total];
        long[] denseNorth = new long[total];
        int[] denseStarts = new int[ringStarts.Length];
        int output = 0;
        for (int ring = 0; ring < ringStarts.Length; ring++)
        {
            int start = ringStarts[ring];
            int end = ring + 1 < ringStarts.Length ? ringStarts[ring + 1] : latitudesE7.Length;
            denseStarts[ring] = output;
            for (int i = start; i < end; i++)
            {
                int next = i + 1 < end ? i + 1 : start;
                denseEast[output] = east[i];
                denseNorth[output] = north[i];
                output++;
                for (int piece = 1; piece < pieces[i]; piece++)
                {
                    long latitude = latitudesE7[i] + (latitudesE7[next] - latitudesE7[i]) * piece / pieces[i];
                    long longitude = longitudesE7[i] + (longitudesE7[next] - longitudesE7[i]) * piece / pieces[i];
                    ProjectMillimetres(plane, latitude, longitude, out denseEast[output], out denseNorth[output], ref saturations);
                    output++;
                }
            }
        }

        return new ZoneGeometry(denseEast, denseNorth, denseStarts);
    }

    /// <summary>Plane position in whole millimetres of a geodetic position given in 1e-7 degree.</summary>
    /// <param name="plane">The mast plane.</param>
    /// <param name="latitudeE7">Latitude, 1e-7 degree.</param>
    /// <param name="longitudeE7">Longitude, 1e-7 degree.</param>
    /// <param name="eastMillimetres">East, mm.</param>
    /// <param name="northMillimetres">North, mm.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public static void ProjectMillimetres(MastPlane plane, long latitudeE7, long longitudeE7, out long eastMillimetres, out long northMillimetres, ref int saturations)
    {
        plane.ToPlane(Q2x61.FromDegreesE7(latitudeE7, ref saturations), Q2x61.FromDegreesE7(longitudeE7, ref saturations), out long east, out long north, ref saturations);
        eastMillimetres = Q31x32.ToScaledInteger(east, 1000, ref saturations);
        northMillimetres = Q31x32.ToScaledInteger(north, 1000, ref saturations);
    }
}

using System;
using Picket.Numerics;

namespace Picket.Zones;

/// <summary>
/// A protected zone's outline in the mast plane: one or more closed rings of integer vertices
/// (millimetres east and north of the mast). Outer rings, holes and the parts of a
/// multipolygon are all just rings: a point is inside when a ray from it crosses the rings an
/// odd number of times, which is exactly GeoJSON's meaning (RFC 7946 §3.1.6) for valid,
/// non-overlapping polygons with holes. Parsing GeoJSON and projecting its vertices is the
/// host's job; the core takes vertex arrays. Coordinates up to ±2,000 km keep every product
/// below 2^63. The arrays are the caller's and are not copied.
/// </summary>
public sealed class ZoneGeometry
{
    private readonly long[] _east;
    private readonly long[] _north;
    private readonly int[] _ringStarts;
    private readonly long _minimumEast;
    private readonly long _maximumEast;
    private readonly long _minimumNorth;
    private readonly long _maximumNorth;

    /// <summary>Creates a zone from rings stored back to back.</summary>
    /// <param name="eastMillimetres">Vertex east coordinates, mm, all rings concatenated.</param>
    /// <param name="northMillimetres">Vertex north coordinates, mm, same length.</param>
    /// <param name="ringStarts">Index of each ring's first vertex, ascending, first 0. A ring
    /// runs to the next start (or the end); it is closed implicitly, a repeated first vertex
    /// is harmless.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a ring has fewer than 3 vertices.</exception>
    public ZoneGeometry(long[] eastMillimetres, long[] northMillimetres, int[] ringStarts)
    {
        if (eastMillimetres == null || northMillimetres == null || ringStarts == null || eastMillimetres.Length != northMillimetres.Length)
        {
            throw new ArgumentException("east and north vertex arrays must be given with equal lengths");
        }

        if (ringStarts.Length == 0 || ringStarts[0] != 0)
        {
            throw new ArgumentException("ringStarts must begin with 0");
        }

        for (int ring = 0; ring < ringStarts.Length; ring++)
        {
            int end = ring + 1 < ringStarts.Length ? ringStarts[ring + 1] : eastMillimetres.Length;
            if (end - ringStarts[ring] < 3)
            {
                throw new ArgumentException("every ring needs at least 3 vertices");
            }
        }

        _east = eastMillimetres;
        _north = northMillimetres;
        _ringStarts = ringStarts;
        _minimumEast = long.MaxValue;
        _maximumEast = long.MinValue;
        _minimumNorth = long.MaxValue;
        _maximumNorth = long.MinValue;
        for (int i = 0; i < eastMillimetres.Length; i++)
        {
            _minimumEast = eastMillimetres[i] < _minimumEast ? eastMillimetres[i] : _minimumEast;
            _maximumEast = eastMillimetres[i] > _maximumEast ? eastMillimetres[i] : _maximumEast;
            _minimumNorth = northMillimetres[i] < _minimumNorth ? northMillimetres[i] : _minimumNorth;
            _maximumNorth = northMillimetres[i] > _maximumNorth ? northMillimetres[i] : _maximumNorth;
        }
    }

    /// <summary>Number of rings.</summary>
    public int RingCount => _ringStarts.Length;

    /// <summary>
    /// True when the point is inside (even-odd rule). Points exactly on an edge fall on a fixed,
    /// deterministic side (half-open edges); hysteresis in <see cref="ZoneHysteresis"/> makes
    /// that irrelevant.
    /// </summary>
    /// <param name="eastMillimetres">Point east, mm.</param>
    /// <param name="northMillimetres">Point north, mm.</param>
    /// <returns>True inside.</returns>
    public bool Contains(long eastMillimetres, long northMillimetres)
    {
        if (eastMillimetres < _minimumEast || eastMillimetres > _maximumEast || northMillimetres < _minimumNorth || northMillimetres > _maximumNorth)
        {
            return false;
        }

        bool inside = false;
        for (int ring = 0; ring < _ringStarts.Length; ring++)
        {
            int start = _ringStarts[ring];
            int end = ring + 1 < _ringStarts.Length ? _ringStarts[ring + 1] : _east.Length;
            int previous = end - 1;
            for (int current = start; current < end; current++)
            {
                long aEast = _east[previous], aNorth = _north[previous];
                long bEast = _east[current], bNorth = _north[current];
                if ((aNorth > northMillimetres) != (bNorth > northMillimetres))
                {
                    // Does the eastward ray cross edge a→b? Compare x-intercepts without
                    // dividing: p.e - a.e < (p.n - a.n)(b.e - a.e)/(b.n - a.n).
                    long left = (eastMillimetres - aEast) * (bNorth - aNorth);
                    long right = (northMillimetres - aNorth) * (bEast - aEast);
                    if (bNorth > aNorth ? left < right : left > right)
                    {
                        inside = !inside;
                    }
                }

                previous = current;
            }
        }

        return inside;
    }

    /// <summary>Shortest distance from the point to any edge of any ring, millimetres (rounded down).</summary>
    /// <param name="eastMillimetres">Point east, mm.</param>
    /// <param name="northMillimetres">Point north, mm.</param>
    /// <returns>Distance, mm, ≥ 0.</returns>
    public long DistanceToBoundary(long eastMillimetres, long northMillimetres)
    {
        long best = long.MaxValue;
        int saturations = 0;
        for (int ring = 0; ring < _ringStarts.Length; ring++)
        {
            int start = _ringStarts[ring];
            int end = ring + 1 < _ringStarts.Length ? _ringStarts[ring + 1] : _east.Length;
            int previous = end - 1;
            for (int current = start; current < end; current++)
            {
                long distance = SegmentDistance(_east[previous], _north[previous], _east[current], _north[current], eastMillimetres, northMillimetres, ref saturations);
                best = distance < best ? distance : best;
                previous = current;
            }
        }

        return best;
    }

    private static long SegmentDistance(long aEast, long aNorth, long bEast, long bNorth, long pEast, long pNorth, ref int saturations)
    {
        long edgeEast = bEast - aEast, edgeNorth = bNorth - aNorth;
        long fromAEast = pEast - aEast, fromANorth = pNorth - aNorth;
        long along = fromAEast * edgeEast + fromANorth * edgeNorth;
        if (along <= 0)
        {
            return FixedPoint.Hypotenuse(fromAEast, fromANorth, ref saturations);
        }

        long fromBEast = pEast - bEast, fromBNorth = pNorth - bNorth;
        if (fromBEast * edgeEast + fromBNorth * edgeNorth >= 0)
        {
            return FixedPoint.Hypotenuse(fromBEast, fromBNorth, ref saturations);
        }

        long cross = edgeEast * fromANorth - edgeNorth * fromAEast;
        long length = FixedPoint.Hypotenuse(edgeEast, edgeNorth, ref saturations);
        return (cross < 0 ? -cross : cross) / length;
    }
}

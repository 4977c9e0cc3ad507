using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Picket.Gateway.Zones;

/// <summary>
/// Checks a zone before the core sees it, with NetTopologySuite as the geometry authority: no
/// ring crosses ±180° (the core's projection interpolates longitude linearly), the polygons are
/// valid (OGC simple features: no self-intersection, holes inside, parts not overlapping, which
/// is what the core's even-odd rule needs to mean GeoJSON's inside) and have area, and, when the
/// mast is known, the whole zone lies within the mast plane's coverage
/// (<see cref="MaximumRangeMetres"/>). Every refusal names the feature and the reason.
/// </summary>
public static class ZoneValidator
{
    /// <summary>
    /// Farthest a zone may reach from the mast, metres of great-circle distance. The core's
    /// <c>ZoneGeometry</c> holds plane coordinates up to ±2,000 km, and its plane lengths are
    /// Q31.32 metres, which saturate at 2^31 m (2,147 km): beyond that a point is folded back
    /// towards the mast (a box at the antipode surrounds it). The sphere's distance is within
    /// 0.6 % of the ellipsoid's, so 2,000 km here stays below 2,013 km in the plane.
    /// </summary>
    public const double MaximumRangeMetres = 2_000_000;

    // Mean Earth radius (IUGG R1), metres: the great-circle distance only has to bound the
    // plane's range, not match it.
    private const double EarthRadiusMetres = 6_371_008.8;

    // Boundary sample spacing for the range check, degrees (≤ 1.2 km): the nearest and farthest
    // points are found within a kilometre, far inside the margin to the 2,147 km fold.
    private const double SampleDegrees = 0.01;

    private static readonly GeometryFactory s_factory = new();

    /// <summary>The zone as an NTS (multi)polygon, X longitude and Y latitude in degrees.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>A <see cref="MultiPolygon"/> of the zone's polygons.</returns>
    public static MultiPolygon ToGeometry(GeoZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var polygons = new Polygon[zone.Polygons.Count];
        for (var p = 0; p < polygons.Length; p++)
        {
            var rings = zone.Polygons[p];
            var holes = new LinearRing[rings.Count - 1];
            for (var h = 0; h < holes.Length; h++)
            {
                holes[h] = ToRing(rings[h + 1]);
            }

            polygons[p] = s_factory.CreatePolygon(ToRing(rings[0]), holes);
        }

        return s_factory.CreateMultiPolygon(polygons);
    }

    /// <summary>Refuses a zone that crosses ±180°, is not a valid polygon or has no area.</summary>
    /// <param name="zone">The zone as read.</param>
    /// <param name="where">Names the feature in errors (file and feature index).</param>
    /// <exception cref="ZoneFileException">The zone is refused; the message says why.</exception>
    public static void Validate(GeoZone zone, string where)
    {
        ArgumentNullException.ThrowIfNull(zone);
        foreach (var ring in zone.Polygons.SelectMany(polygon => polygon))
        {
            for (var i = 1; i < ring.Length; i++)
            {
                // GeoJSON edges are straight in longitude/latitude (RFC 7946 §3.1.1); an edge
                // longer than half the world is a ring meant to cross the antimeridian, which
                // RFC 7946 §3.1.9 says to cut in two, and which the core cannot project.
                if (Math.Abs(ring[i].LongitudeDegrees - ring[i - 1].LongitudeDegrees) > 180)
                {
                    throw new ZoneFileException(Format(
                        $"{where}: zone '{zone.Name}' crosses ±180° longitude (edge from [{ring[i - 1].LongitudeDegrees}, {ring[i - 1].LatitudeDegrees}] to [{ring[i].LongitudeDegrees}, {ring[i].LatitudeDegrees}]); split it at the antimeridian into a MultiPolygon (RFC 7946 §3.1.9)"));
                }
            }
        }

        var geometry = ToGeometry(zone);
        var error = new IsValidOp(geometry).ValidationError;
        if (error is not null)
        {
            var at = error.Coordinate is { } c ? Format($" at [{c.X}, {c.Y}]") : string.Empty;
            throw new ZoneFileException($"{where}: zone '{zone.Name}' is not a valid polygon: {error.Message}{at}");
        }

        if (!(geometry.Area > 0))
        {
            throw new ZoneFileException($"{where}: zone '{zone.Name}' has zero area");
        }
    }

    /// <summary>
    /// Refuses a zone that reaches beyond <see cref="MaximumRangeMetres"/> from the mast: wholly
    /// beyond (it could never hold a tracked aircraft, and its projection folds back onto the
    /// mast) or partly beyond (its far part would be folded).
    /// </summary>
    /// <param name="zone">A zone that passed <see cref="Validate"/>.</param>
    /// <param name="where">Names the feature in errors.</param>
    /// <param name="mastLatitudeDegrees">Mast latitude, degrees.</param>
    /// <param name="mastLongitudeDegrees">Mast longitude, degrees.</param>
    /// <exception cref="ZoneFileException">The zone is refused; the message gives the distances.</exception>
    public static void CheckCoverage(GeoZone zone, string where, double mastLatitudeDegrees, double mastLongitudeDegrees)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var nearest = double.MaxValue;
        var farthest = 0.0;
        var farthestVertex = default(GeoVertex);
        foreach (var ring in zone.Polygons.SelectMany(polygon => polygon))
        {
            for (var i = 1; i < ring.Length; i++)
            {
                var a = ring[i - 1];
                var b = ring[i];
                var span = Math.Max(Math.Abs(b.LatitudeDegrees - a.LatitudeDegrees), Math.Abs(b.LongitudeDegrees - a.LongitudeDegrees));
                var pieces = Math.Max(1, (int)Math.Ceiling(span / SampleDegrees));
                for (var piece = 0; piece < pieces; piece++)
                {
                    var t = (double)piece / pieces;
                    var point = new GeoVertex(a.LatitudeDegrees + ((b.LatitudeDegrees - a.LatitudeDegrees) * t), a.LongitudeDegrees + ((b.LongitudeDegrees - a.LongitudeDegrees) * t));
                    var distance = GreatCircleMetres(mastLatitudeDegrees, mastLongitudeDegrees, point.LatitudeDegrees, point.LongitudeDegrees);
                    nearest = Math.Min(nearest, distance);
                    if (distance > farthest)
                    {
                        farthest = distance;
                        farthestVertex = point;
                    }
                }
            }
        }

        if (ToGeometry(zone).Covers(s_factory.CreatePoint(new Coordinate(mastLongitudeDegrees, mastLatitudeDegrees))))
        {
            nearest = 0;
        }

        if (nearest > MaximumRangeMetres)
        {
            throw new ZoneFileException(Format(
                $"{where}: zone '{zone.Name}' lies wholly beyond the mast's coverage: its nearest point is {nearest / 1000:F0} km from the mast at [{mastLongitudeDegrees}, {mastLatitudeDegrees}]; zones must lie within {MaximumRangeMetres / 1000:F0} km"));
        }

        if (farthest > MaximumRangeMetres)
        {
            throw new ZoneFileException(Format(
                $"{where}: zone '{zone.Name}' reaches beyond the mast's coverage: [{farthestVertex.LongitudeDegrees:F4}, {farthestVertex.LatitudeDegrees:F4}] is {farthest / 1000:F0} km from the mast at [{mastLongitudeDegrees}, {mastLatitudeDegrees}]; cut the zone to within {MaximumRangeMetres / 1000:F0} km"));
        }
    }

    /// <summary>Great-circle distance on the mean sphere (haversine), metres.</summary>
    /// <param name="latitude1">First latitude, degrees.</param>
    /// <param name="longitude1">First longitude, degrees.</param>
    /// <param name="latitude2">Second latitude, degrees.</param>
    /// <param name="longitude2">Second longitude, degrees.</param>
    /// <returns>Distance, metres.</returns>
    public static double GreatCircleMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double radians = Math.PI / 180;
        var sinHalfLatitude = Math.Sin((latitude2 - latitude1) * radians / 2);
        var sinHalfLongitude = Math.Sin((longitude2 - longitude1) * radians / 2);
        var h = (sinHalfLatitude * sinHalfLatitude) + (Math.Cos(latitude1 * radians) * Math.Cos(latitude2 * radians) * sinHalfLongitude * sinHalfLongitude);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static LinearRing ToRing(GeoVertex[] ring) =>
        s_factory.CreateLinearRing(ring.Select(v => new Coordinate(v.LongitudeDegrees, v.LatitudeDegrees)).ToArray());

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using NetTopologySuite.Geometries;
using Picket.Geodesy;
using Picket.Numerics;
using Xunit.Abstractions;

namespace Picket.Gateway.Zones;

/// <summary>
/// The whole chain a configured zone goes through (GeoJSON degrees → the gateway's
/// <see cref="Tracking.ZoneProjection"/> → the core's densified plane polygon → its even-odd
/// test of a projected point) against GeoJSON's own meaning, evaluated by NetTopologySuite in
/// longitude/latitude, where RFC 7946 §3.1.1 says edges are straight. Seeded random zones near
/// the mast and 1,900-1,970 km out (plus up to 23 km of zone), seeded random points, a third within a metre of an edge.
/// A disagreement is allowed only within <see cref="ToleranceMetres"/> of the boundary: an edge
/// straight in degrees is curved on the ground (an east-west one bends like a parallel, radius
/// R / tan φ), and the core replaces it by chords of at most 1 km, whose sag is L² tan φ / 8R:
/// 34 mm at 60°, 14 mm at 34°; it also rounds vertices to 1e-7° (≤ 6 mm) and the plane to
/// millimetres. Measured: at most 48 mm (seed 12, zones up to 77°N, where the bound is 85 mm).
/// </summary>
public sealed class ZoneProjectionOracleTests(ITestOutputHelper output)
{
    private const double ToleranceMetres = 0.1;
    private const double MetresPerDegree = 111_195;

    private static readonly GeometryFactory s_factory = new();

    [Theory]
    [InlineData(11, 59.7, 30.6, 0.0, 50_000.0)] // ulss7, near the mast
    [InlineData(12, 59.7, 30.6, 1_900_000.0, 1_970_000.0)] // ulss7, at the edge of the coverage (+ ≤ 23 km of zone)
    [InlineData(13, -33.9, 151.2, 1_900_000.0, 1_970_000.0)] // southern hemisphere, edge
    public void ProjectedZone_RandomPoints_AgreesWithGeoJsonInDegreesOffTheBoundary(int seed, double mastLatitude, double mastLongitude, double minimumMetres, double maximumMetres)
    {
        var random = new Random(seed);
        var saturations = 0;
        var mastLatitudeE7 = (long)Math.Round(mastLatitude * 1e7);
        var mastLongitudeE7 = (long)Math.Round(mastLongitude * 1e7);
        var plane = new MastPlane(Q2x61.FromDegreesE7(mastLatitudeE7, ref saturations), Q2x61.FromDegreesE7(mastLongitudeE7, ref saturations));
        int points = 0, inside = 0, excused = 0;
        var worst = 0.0;
        for (var zoneIndex = 0; zoneIndex < 60; zoneIndex++)
        {
            var (centreLatitude, centreLongitude) = Destination(mastLatitude, mastLongitude, random.NextDouble() * 360, minimumMetres + (random.NextDouble() * (maximumMetres - minimumMetres)));
            var radiusDegrees = 0.01 + (random.NextDouble() * 0.2);
            var ring = Star(random, centreLatitude, centreLongitude, radiusDegrees, random.Next(6, 30));
            var zone = new GeoZone($"z{zoneIndex}", [[ring]]);
            var core = Tracking.ZoneProjection.Project([zone], plane)[0];
            var oracle = ZoneValidator.ToGeometry(zone);
            for (var p = 0; p < 300; p++)
            {
                var (latitude, longitude) = p % 3 == 0 ? NearEdge(random, ring) : InBox(random, centreLatitude, centreLongitude, radiusDegrees * 1.1);
                var latitudeE7 = (long)Math.Round(latitude * 1e7);
                var longitudeE7 = (long)Math.Round(longitude * 1e7);
                var point = s_factory.CreatePoint(new Coordinate(longitudeE7 / 1e7, latitudeE7 / 1e7));
                var expected = oracle.Contains(point);
                Picket.Zones.ZoneProjection.ProjectMillimetres(plane, latitudeE7, longitudeE7, out var east, out var north, ref saturations);
                var actual = core.Contains(east, north);
                points++;
                inside += expected ? 1 : 0;
                if (actual != expected)
                {
                    var metres = BoundaryMetres(oracle, point);
                    Assert.True(metres <= ToleranceMetres, $"seed {seed} zone {zoneIndex}: [{longitude}, {latitude}] core {actual}, GeoJSON {expected}, {metres:F3} m from the boundary");
                    excused++;
                    worst = Math.Max(worst, metres);
                }
            }
        }

        Assert.Equal(0, saturations);
        output.WriteLine($"seed {seed}: {points} points ({inside} inside), {excused} disagreements, farthest {worst * 1000:F1} mm from the boundary");
        Assert.True(inside > points / 10, "the points must exercise the inside too");
    }

    // Distance to the boundary in metres, the degree offsets scaled at the point's latitude.
    private static double BoundaryMetres(Geometry zone, Point point)
    {
        var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(zone.Boundary, point)[0];
        var north = (nearest.Y - point.Y) * MetresPerDegree;
        var east = (nearest.X - point.X) * MetresPerDegree * Math.Cos(point.Y * Math.PI / 180);
        return Math.Sqrt((north * north) + (east * east));
    }

    // Spherical direct problem: the point at a distance and azimuth from a start.
    private static (double Latitude, double Longitude) Destination(double latitude, double longitude, double azimuthDegrees, double metres)
    {
        const double radians = Math.PI / 180;
        var delta = metres / 6_371_008.8;
        var phi1 = latitude * radians;
        var theta = azimuthDegrees * radians;
        var phi2 = Math.Asin((Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta)));
        var lambda = Math.Atan2(Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1), Math.Cos(delta) - (Math.Sin(phi1) * Math.Sin(phi2)));
        return (phi2 / radians, longitude + (lambda / radians));
    }

    // A star-shaped closed ring in degrees (simple by construction: monotonic azimuths).
    private static GeoVertex[] Star(Random random, double latitude, double longitude, double radiusDegrees, int vertices)
    {
        var ring = new GeoVertex[vertices + 1];
        for (var i = 0; i < vertices; i++)
        {
            var angle = (i + ((random.NextDouble() - 0.5) * 0.4)) * 2 * Math.PI / vertices;
            var radius = radiusDegrees * (0.5 + (random.NextDouble() * 0.5));
            ring[i] = new GeoVertex(latitude + (radius * Math.Cos(angle)), longitude + (radius * Math.Sin(angle)));
        }

        ring[vertices] = ring[0];
        return ring;
    }

    // A point on a random edge, moved up to about a metre each way.
    private static (double Latitude, double Longitude) NearEdge(Random random, GeoVertex[] ring)
    {
        var i = random.Next(ring.Length - 1);
        var t = random.NextDouble();
        var a = ring[i];
        var b = ring[i + 1];
        const double metre = 1 / MetresPerDegree;
        return (a.LatitudeDegrees + ((b.LatitudeDegrees - a.LatitudeDegrees) * t) + ((random.NextDouble() - 0.5) * 2 * metre),
            a.LongitudeDegrees + ((b.LongitudeDegrees - a.LongitudeDegrees) * t) + ((random.NextDouble() - 0.5) * 2 * metre));
    }

    private static (double Latitude, double Longitude) InBox(Random random, double latitude, double longitude, double half) =>
        (latitude + ((random.NextDouble() - 0.5) * 2 * half), longitude + ((random.NextDouble() - 0.5) * 2 * half));
}

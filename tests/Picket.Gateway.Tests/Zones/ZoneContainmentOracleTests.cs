using NetTopologySuite.Geometries;
using Picket.Zones;
using Xunit.Abstractions;

namespace Picket.Gateway.Zones;

/// <summary>
/// The core's point-in-zone test (<see cref="ZoneGeometry.Contains"/>, integer even-odd rule)
/// against NetTopologySuite's (robust ray crossing), an implementation that is not ours, on the
/// same integer vertices in plane millimetres: seeded random star-shaped polygons with and
/// without holes, near the mast and near the edge of the coverage (1,900-1,990 km out), and
/// random points, a third of them within a few millimetres of an edge. The core compares exact
/// integer products, so the only disagreements allowed are points on the boundary itself
/// (NTS: not contained; the core: half-open edges put them on a fixed side), which is the
/// documented tolerance: distance to the boundary ≤ <see cref="ToleranceMillimetres"/>.
/// </summary>
public sealed class ZoneContainmentOracleTests(ITestOutputHelper output)
{
    // A point with integer coordinates on an edge between integer vertices is at distance 0;
    // 1 mm covers the rounding of NTS's double distance on coordinates of 2e9 mm.
    private const double ToleranceMillimetres = 1;

    private static readonly GeometryFactory s_factory = new();

    [Theory]
    [InlineData(1, 0.0, 50_000L, 100L, 50_000_000L)] // near the mast: up to 50 km across
    [InlineData(2, 1_900_000.0, 1_990_000L, 100L, 10_000_000L)] // at the edge of the coverage: up to 10 km
    [InlineData(3, 0.0, 1_000_000L, 1_000_000L, 900_000_000L)] // large: up to 900 km radius
    public void Contains_RandomPolygonsAndPoints_AgreesWithNetTopologySuiteOffTheBoundary(int seed, double minimumCentreMetres, long maximumCentreMetres, long minimumRadiusMillimetres, long maximumRadiusMillimetres)
    {
        var random = new Random(seed);
        int points = 0, inside = 0, nearEdge = 0, excused = 0;
        for (var polygonIndex = 0; polygonIndex < 300; polygonIndex++)
        {
            var distance = minimumCentreMetres + (random.NextDouble() * (maximumCentreMetres - minimumCentreMetres));
            var azimuth = random.NextDouble() * 2 * Math.PI;
            var centreEast = (long)(distance * 1000 * Math.Sin(azimuth));
            var centreNorth = (long)(distance * 1000 * Math.Cos(azimuth));
            var outerRadius = minimumRadiusMillimetres + (long)(random.NextDouble() * (maximumRadiusMillimetres - minimumRadiusMillimetres));
            var outer = Star(random, centreEast, centreNorth, outerRadius / 2, outerRadius, random.Next(6, 40));
            var rings = new List<long[][]> { outer };
            if (random.Next(2) == 0)
            {
                // Inside the outer ring: its radius stays below half the outer ring's smallest
                // radius times cos(54°), the largest half-gap between its vertices.
                rings.Add(Star(random, centreEast, centreNorth, outerRadius / 8, outerRadius / 4, random.Next(3, 12)));
            }

            var core = CoreZone(rings);
            var oracle = NtsPolygon(rings);
            Assert.True(oracle.IsValid, $"seed {seed} polygon {polygonIndex}: generated polygon must be valid");
            for (var p = 0; p < 200; p++)
            {
                var (east, north) = p % 3 == 0 ? NearEdge(random, rings) : InBox(random, centreEast, centreNorth, outerRadius * 11 / 10);
                var expected = oracle.Contains(s_factory.CreatePoint(new Coordinate(east, north)));
                var actual = core.Contains(east, north);
                points++;
                inside += expected ? 1 : 0;
                nearEdge += p % 3 == 0 ? 1 : 0;
                if (actual != expected)
                {
                    var boundaryDistance = oracle.Boundary.Distance(s_factory.CreatePoint(new Coordinate(east, north)));
                    Assert.True(
                        boundaryDistance <= ToleranceMillimetres,
                        $"seed {seed} polygon {polygonIndex}: ({east}, {north}) mm core {actual}, NTS {expected}, {boundaryDistance} mm from the boundary");
                    excused++;
                }
            }
        }

        output.WriteLine($"seed {seed}: {points} points ({inside} inside, {nearEdge} within a few mm of an edge), {excused} disagreements, all on the boundary");
        Assert.True(inside > points / 10, "the points must exercise the inside too");
    }

    // A star-shaped ring about (east, north): vertices at evenly spaced azimuths jittered by
    // ±20 % of the spacing, at random radii in [minimum, maximum]; simple by construction.
    private static long[][] Star(Random random, long east, long north, long minimumRadius, long maximumRadius, int vertices)
    {
        var ring = new long[vertices][];
        for (var i = 0; i < vertices; i++)
        {
            var angle = (i + ((random.NextDouble() - 0.5) * 0.4)) * 2 * Math.PI / vertices;
            var radius = minimumRadius + (random.NextDouble() * (maximumRadius - minimumRadius));
            ring[i] = [east + (long)(radius * Math.Sin(angle)), north + (long)(radius * Math.Cos(angle))];
        }

        return ring;
    }

    // A point on a random edge, rounded to whole millimetres, then moved up to 3 mm each way.
    private static (long East, long North) NearEdge(Random random, List<long[][]> rings)
    {
        var ring = rings[random.Next(rings.Count)];
        var i = random.Next(ring.Length);
        var a = ring[i];
        var b = ring[(i + 1) % ring.Length];
        var t = random.NextDouble();
        return ((long)Math.Round(a[0] + ((b[0] - a[0]) * t)) + random.Next(-3, 4), (long)Math.Round(a[1] + ((b[1] - a[1]) * t)) + random.Next(-3, 4));
    }

    private static (long East, long North) InBox(Random random, long east, long north, long halfSide) =>
        (east + random.NextInt64(-halfSide, halfSide + 1), north + random.NextInt64(-halfSide, halfSide + 1));

    private static ZoneGeometry CoreZone(List<long[][]> rings)
    {
        var east = rings.SelectMany(r => r).Select(v => v[0]).ToArray();
        var north = rings.SelectMany(r => r).Select(v => v[1]).ToArray();
        var starts = new int[rings.Count];
        for (var r = 1; r < rings.Count; r++)
        {
            starts[r] = starts[r - 1] + rings[r - 1].Length;
        }

        return new ZoneGeometry(east, north, starts);
    }

    private static Polygon NtsPolygon(List<long[][]> rings)
    {
        LinearRing ToRing(long[][] ring) => s_factory.CreateLinearRing([.. ring.Select(v => new Coordinate(v[0], v[1])), new Coordinate(ring[0][0], ring[0][1])]);
        return s_factory.CreatePolygon(ToRing(rings[0]), [.. rings.Skip(1).Select(ToRing)]);
    }
}

namespace Picket.Zones;

public class ZoneGeometryTests
{
    // A 20 km square (mm) with a 4 km square hole, plus a separate 2 km square island 30 km east:
    // a MultiPolygon of two polygons, the first with a hole.
    private static ZoneGeometry SquareWithHoleAndIsland() => new(
        [0, 20_000_000, 20_000_000, 0, /* hole */ 8_000_000, 12_000_000, 12_000_000, 8_000_000, /* island */ 30_000_000, 32_000_000, 32_000_000, 30_000_000],
        [0, 0, 20_000_000, 20_000_000, /* hole */ 8_000_000, 8_000_000, 12_000_000, 12_000_000, /* island */ 0, 0, 2_000_000, 2_000_000],
        [0, 4, 8]);

    [Theory]
    [InlineData(1_000_000, 1_000_000, true)]     // in the outer square
    [InlineData(10_000_000, 10_000_000, false)]  // in the hole
    [InlineData(7_999_000, 10_000_000, true)]    // just west of the hole
    [InlineData(31_000_000, 1_000_000, true)]    // on the island
    [InlineData(25_000_000, 1_000_000, false)]   // between the parts
    [InlineData(-1, 5_000_000, false)]           // just outside the west edge
    [InlineData(5_000_000, 20_000_001, false)]   // just outside the north edge
    public void Contains_KnownPoints_MatchesGeometry(long east, long north, bool expected)
    {
        Assert.Equal(expected, SquareWithHoleAndIsland().Contains(east, north));
    }

    [Fact]
    public void Contains_RandomPointsInConcavePolygon_MatchesDoubleWindingNumber()
    {
        // A concave "comb" outline at 200 km scale, in mm.
        long[] east = [0, 100_000_000, 100_000_000, 80_000_000, 80_000_000, 60_000_000, 60_000_000, 40_000_000, 40_000_000, 20_000_000, 20_000_000, 0];
        long[] north = [0, 0, 200_000_000, 200_000_000, 50_000_000, 50_000_000, 200_000_000, 200_000_000, 50_000_000, 50_000_000, 200_000_000, 200_000_000];
        var zone = new ZoneGeometry(east, north, [0]);
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            long pointEast = random.NextInt64(-10_000_000, 110_000_000);
            long pointNorth = random.NextInt64(-10_000_000, 210_000_000);
            Assert.Equal(WindingNumber(east, north, pointEast, pointNorth) != 0, zone.Contains(pointEast, pointNorth));
        }
    }

    [Fact]
    public void DistanceToBoundary_RandomPoints_MatchesDoubleWithinOneMillimetre()
    {
        var zone = SquareWithHoleAndIsland();
        long[] east = [0, 20_000_000, 20_000_000, 0, 8_000_000, 12_000_000, 12_000_000, 8_000_000, 30_000_000, 32_000_000, 32_000_000, 30_000_000];
        long[] north = [0, 0, 20_000_000, 20_000_000, 8_000_000, 8_000_000, 12_000_000, 12_000_000, 0, 0, 2_000_000, 2_000_000];
        var random = new Random(4);
        for (int i = 0; i < 5_000; i++)
        {
            long pointEast = random.NextInt64(-5_000_000, 40_000_000);
            long pointNorth = random.NextInt64(-5_000_000, 25_000_000);
            double expected = double.MaxValue;
            for (int ring = 0; ring < 3; ring++)
            {
                for (int k = 0; k < 4; k++)
                {
                    int a = ring * 4 + k, b = ring * 4 + (k + 1) % 4;
                    expected = Math.Min(expected, SegmentDistance(east[a], north[a], east[b], north[b], pointEast, pointNorth));
                }
            }

            Assert.InRange(zone.DistanceToBoundary(pointEast, pointNorth) - expected, -1.0, 0.0);
        }
    }

    [Fact]
    public void Constructor_RingWithTwoVertices_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ZoneGeometry([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 3]));
        Assert.Contains("3 vertices", error.Message, StringComparison.Ordinal);
    }

    private static int WindingNumber(long[] east, long[] north, double x, double y)
    {
        // Sunday's winding number (orientation tests in double; exact at these magnitudes).
        int winding = 0;
        for (int i = 0; i < east.Length; i++)
        {
            int j = (i + 1) % east.Length;
            double isLeft = (east[j] - (double)east[i]) * (y - north[i]) - (x - east[i]) * (north[j] - (double)north[i]);
            if (north[i] <= y)
            {
                if (north[j] > y && isLeft > 0)
                {
                    winding++;
                }
            }
            else if (north[j] <= y && isLeft < 0)
            {
                winding--;
            }
        }

        return winding;
    }

    private static double SegmentDistance(double ax, double ay, double bx, double by, double px, double py)
    {
        double dx = bx - ax, dy = by - ay;
        double t = Math.Clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1);
        return Math.Sqrt(Math.Pow(px - (ax + t * dx), 2) + Math.Pow(py - (ay + t * dy), 2));
    }
}

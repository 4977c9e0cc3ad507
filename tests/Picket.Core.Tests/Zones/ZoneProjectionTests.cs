using Picket.Geodesy;
using Picket.Numerics;

namespace Picket.Zones;

public class ZoneProjectionTests
{
    // A border zone over the Gulf of Finland, 170 km × 60 km, with a hole (an island) and a
    // second small part: vertices in 1e-7 degree, as a host would read them from GeoJSON.
    private static readonly long[] Latitudes = [598_000_000, 598_000_000, 603_000_000, 603_000_000, /* hole */ 600_000_000, 600_000_000, 601_000_000, 601_000_000, /* part */ 596_000_000, 596_000_000, 597_000_000];
    private static readonly long[] Longitudes = [235_000_000, 265_000_000, 265_000_000, 235_000_000, /* hole */ 245_000_000, 250_000_000, 250_000_000, 245_000_000, /* part */ 240_000_000, 242_000_000, 241_000_000];
    private static readonly int[] RingStarts = [0, 4, 8];

    [Fact]
    public void Project_RandomPositions_InsideExactlyWhenInsideInLongitudeLatitudeAwayFromEdges()
    {
        int saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(601_000_000, ref saturations), Q2x61.FromDegreesE7(255_000_000, ref saturations));
        var zone = ZoneProjection.Project(plane, Latitudes, Longitudes, RingStarts, maximumEdgeMetres: 1_000);
        var random = new Random(31);
        int inside = 0;
        for (int i = 0; i < 20_000; i++)
        {
            long latitude = random.NextInt64(594_000_000, 606_000_000);
            long longitude = random.NextInt64(230_000_000, 270_000_000);
            ZoneProjection.ProjectMillimetres(plane, latitude, longitude, out long east, out long north, ref saturations);

            // GeoJSON's meaning: even-odd in longitude/latitude with straight edges there. Within
            // 20 m of an edge, densifying at 1 km may legitimately differ, nowhere else.
            bool expected = EvenOdd(longitude, latitude);
            if (expected != zone.Contains(east, north))
            {
                Assert.True(zone.DistanceToBoundary(east, north) < 20_000, $"disagreement {zone.DistanceToBoundary(east, north)} mm from the edge");
            }

            inside += expected ? 1 : 0;
        }

        Assert.Equal(0, saturations);
        Assert.True(inside > 1000, $"only {inside} points fell inside");
    }

    [Fact]
    public void Project_LongEdgeAlongAParallel_FollowsTheParallelNotTheChord()
    {
        int saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(601_000_000, ref saturations), Q2x61.FromDegreesE7(255_000_000, ref saturations));
        var coarse = ZoneProjection.Project(plane, Latitudes, Longitudes, RingStarts, maximumEdgeMetres: 1_000_000);
        var fine = ZoneProjection.Project(plane, Latitudes, Longitudes, RingStarts, maximumEdgeMetres: 1_000);

        // The northern edge runs along 60.3° N, a parallel: a circle about the pole, so in the
        // plane its middle sags away from the pole, about L² / (8 N cot φ) ≈ 0.9 km below the
        // straight chord for L = 165 km. A point 110 m north of the edge's midpoint is outside by
        // GeoJSON's meaning, yet inside the undensified outline.
        ZoneProjection.ProjectMillimetres(plane, 603_010_000, 250_000_000, out long east, out long north, ref saturations);
        Assert.False(fine.Contains(east, north));
        Assert.True(coarse.Contains(east, north));
    }

    [Fact]
    public void Project_ZeroEdgeLength_Throws()
    {
        int saturations = 0;
        var plane = new MastPlane(0, Q2x61.FromDegreesE7(255_000_000, ref saturations));
        Assert.Throws<ArgumentException>(() => ZoneProjection.Project(plane, Latitudes, Longitudes, RingStarts, 0));
    }

    private static bool EvenOdd(long x, long y)
    {
        bool inside = false;
        for (int ring = 0; ring < RingStarts.Length; ring++)
        {
            int start = RingStarts[ring], end = ring + 1 < RingStarts.Length ? RingStarts[ring + 1] : Latitudes.Length;
            for (int i = start, j = end - 1; i < end; j = i++)
            {
                double xi = Longitudes[i], yi = Latitudes[i], xj = Longitudes[j], yj = Latitudes[j];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }
}

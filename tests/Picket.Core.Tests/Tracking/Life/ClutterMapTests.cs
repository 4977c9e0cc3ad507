using Picket.Numerics;

namespace Picket.Tracking.Life;

/// <summary>
/// Learning and forgetting of the clutter map against the recurrences written out in double
/// precision here, and densities against the annulus-sector areas computed here.
/// </summary>
public class ClutterMapTests
{
    private const int Sensor = 0x0101;
    private const long Scan = 4_000_000;
    private const double Forget = 1.0 / 16; // ClutterMemoryShift = 4.

    private static TrackerConfiguration Configuration() => new()
    {
        RadarCapacity = 2,
        ClutterRangeCells = 10,
        ClutterRangeCellMetres = 2_000,
        ClutterAzimuthCells = 8,
        ClutterMemoryShift = 4,
        ClutterCellMinimumPlots = 3,
        ScoreFalsePlotsPerScanPerMillionSquareKilometres = 100,
    };

    [Fact]
    public void CellRate_TwoPlotsEveryScan_LearntAsTwoPerScanFromTheStart()
    {
        var map = new ClutterMap(Configuration());
        map.AdvanceTo(0, Scan);
        for (var scan = 0; scan < 40; scan++)
        {
            // 5 km, 10°: range cell 2, azimuth cell 0.
            map.Learn(Sensor, 5_000_000, 10_000_000);
            map.Learn(Sensor, 5_100_000, 12_000_000);
            map.AdvanceTo((scan + 1) * Scan, Scan);
            if (scan is 0 or 3 or 39)
            {
                Assert.Equal(2.0, Rate(map, 2, 0), 2e-3);
            }
        }

        Assert.Equal(0.0, Rate(map, 2, 1), 1e-9);
    }

    [Fact]
    public void CellRate_PlotsStop_ForgottenByOneFactorPerScan()
    {
        var map = new ClutterMap(Configuration());
        map.AdvanceTo(0, Scan);
        const int Learning = 30;
        const int Silent = 20;
        for (var scan = 0; scan < Learning + Silent; scan++)
        {
            if (scan < Learning)
            {
                map.Learn(Sensor, 5_000_000, 10_000_000);
                map.Learn(Sensor, 5_000_000, 10_000_000);
            }

            map.AdvanceTo((scan + 1) * Scan, Scan);
        }

        // C and W after n learning scans: S_n = Σ_{j=1..n} (1-a)^j (times 2 for C); then m silent scans.
        static double Sum(int n) => Enumerable.Range(1, n).Sum(j => Math.Pow(1 - Forget, j));
        var counts = 2 * Sum(Learning) * Math.Pow(1 - Forget, Silent);
        var scans = (Sum(Learning) * Math.Pow(1 - Forget, Silent)) + Sum(Silent);
        Assert.Equal(counts / scans, Rate(map, 2, 0), 0.01 * counts / scans);
    }

    [Fact]
    public void AdvanceTo_ADayWithoutData_EverythingForgottenAtOnce()
    {
        var map = new ClutterMap(Configuration());
        map.AdvanceTo(0, Scan);
        for (var i = 0; i < 10; i++)
        {
            map.Learn(Sensor, 5_000_000, 10_000_000);
        }

        map.AdvanceTo(Scan, Scan);
        Assert.True(Rate(map, 2, 0) > 9);

        // 21,600 scans later: (15/16)^21600 is 0 in any format; the floor is back.
        map.AdvanceTo(86_400_000_000, Scan);
        Assert.Equal(0.0, Rate(map, 2, 0), 1e-9);
        Assert.Equal(Math.Log(1e-10), Nats(map.LogDensity(Sensor, 5_000_000, 10_000_000)), 1e-7);
    }

    [Fact]
    public void LogDensity_ConcentratedCell_TheCellsRateOverItsArea()
    {
        var map = new ClutterMap(Configuration());
        map.AdvanceTo(0, Scan);
        for (var scan = 0; scan < 30; scan++)
        {
            for (var i = 0; i < 5; i++)
            {
                map.Learn(Sensor, 7_000_000, 100_000_000); // range cell 3, azimuth cell 2 (90°-135°).
            }

            map.Learn(Sensor, 19_000_000, 300_000_000); // one plot far out: range cell 9.
            map.AdvanceTo((scan + 1) * Scan, Scan);
        }

        // Cell 3: radii 6-8 km, one eighth of the annulus.
        var cellArea = Math.PI * ((8_000.0 * 8_000) - (6_000.0 * 6_000)) / 8;
        Assert.Equal(Math.Log(5 / cellArea), Nats(map.LogDensity(Sensor, 7_500_000, 110_000_000)), 2e-3);

        // Elsewhere: the global density, six plots per scan over the disc to 20 km.
        var discArea = Math.PI * 20_000.0 * 20_000;
        Assert.Equal(Math.Log(6 / discArea), Nats(map.LogDensity(Sensor, 7_500_000, 200_000_000)), 2e-3);

        // Cell 9 (18-20 km, 270°-315°) holds one plot per scan over 3.0e7 m², above the global 4.8e-9 per m².
        var outerArea = Math.PI * ((20_000.0 * 20_000) - (18_000.0 * 18_000)) / 8;
        Assert.Equal(Math.Log(1 / outerArea), Nats(map.LogDensity(Sensor, 19_000_000, 300_000_000)), 2e-3);
    }

    [Fact]
    public void LogDensity_OnePlotInACell_NotClutterEvidenceOnItsOwn()
    {
        var configuration = Configuration();
        configuration.ClutterCellMinimumPlots = 3;
        var map = new ClutterMap(configuration);
        map.AdvanceTo(0, Scan);
        map.Learn(Sensor, 3_000_000, 10_000_000);
        map.AdvanceTo(Scan, Scan);

        // One plot in one scan: global density over the disc to 4 km, not the cell's (which is 3 × higher).
        var discArea = Math.PI * 4_000.0 * 4_000;
        Assert.Equal(Math.Log(1 / discArea), Nats(map.LogDensity(Sensor, 3_000_000, 10_000_000)), 2e-3);
    }

    [Fact]
    public void LogDensity_UnknownRadarOrQuietSky_TheConfiguredFloor()
    {
        var map = new ClutterMap(Configuration());

        // 100 per scan per million km² = 1e-10 per m².
        Assert.Equal(Math.Log(1e-10), Nats(map.LogDensity(0x0202, 5_000_000, 0)), 1e-7);
    }

    [Fact]
    public void Learn_MoreRadarsThanSlotsOrBeyondTheGrid_Refused()
    {
        var map = new ClutterMap(Configuration());
        map.Learn(1, 1_000_000, 0);
        map.Learn(2, 1_000_000, 0);
        map.Learn(3, 1_000_000, 0);
        map.Learn(1, 20_000_000, 0);

        Assert.Equal(2, map.PlotsRefused);
    }

    private static double Rate(ClutterMap map, int rangeCell, int azimuthCell) => map.CellRate(Sensor, rangeCell, azimuthCell) / 65_536.0;

    private static double Nats(long raw) => raw / (double)Q31x32.One;
}

namespace Picket.Tracking;

/// <summary>The radar-site table: each radar its own site and scan period, the default for the rest.</summary>
public class RadarSiteTableTests
{
    [Fact]
    public void ScanPeriodOf_TwoRadarsWithTheirOwnPeriods_EachKeepsItsOwnAndOthersGetTheDefault()
    {
        var table = new RadarSiteTable(4);

        Assert.True(table.SetScanPeriod(0x190E, 4_000_000));
        Assert.True(table.SetScanPeriod(0x190F, 12_000_000));

        Assert.Equal(4_000_000, table.ScanPeriodOf(0x190E, 5_000_000));
        Assert.Equal(12_000_000, table.ScanPeriodOf(0x190F, 5_000_000));
        Assert.Equal(5_000_000, table.ScanPeriodOf(0x1910, 5_000_000));
    }

    [Fact]
    public void TryGetSite_PeriodWithoutSite_NoSiteUntilSet()
    {
        var table = new RadarSiteTable(2);
        table.SetScanPeriod(7, 4_000_000);

        Assert.False(table.TryGetSite(7, out _, out _, out _));
        Assert.True(table.SetSite(7, 1L << 40, -(1L << 40), 30L << 32));
        Assert.True(table.TryGetSite(7, out var east, out var north, out var height));
        Assert.Equal((1L << 40, -(1L << 40), 30L << 32), (east, north, height));
        Assert.Equal(4_000_000, table.ScanPeriodOf(7, 1));
    }

    [Fact]
    public void SetSite_TableFull_RefusedAndNonPositivePeriodIgnored()
    {
        var table = new RadarSiteTable(1);
        Assert.True(table.SetSite(1, 0, 0, 0));
        Assert.False(table.SetSite(2, 0, 0, 0));
        Assert.False(table.SetScanPeriod(2, 4_000_000));
        Assert.False(table.SetScanPeriod(1, 0));
        Assert.Equal(3, table.ScanPeriodOf(1, 3));
    }
}

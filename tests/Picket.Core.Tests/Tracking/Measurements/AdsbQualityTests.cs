namespace Picket.Tracking.Measurements;

/// <summary>
/// NACp / NACv / NIC to one-sigma. Expected values: the DO-260B 95 % bounds (tables 2-70, 2-22)
/// divided by 2.4477 (√(2 ln 20), the 95 % radius of a circular 2-D Gaussian), worked by hand.
/// </summary>
public class AdsbQualityTests
{
    [Theory]
    [InlineData(11, 1_226)] // EPU < 3 m
    [InlineData(10, 4_085)] // < 10 m
    [InlineData(9, 12_256)] // < 30 m
    [InlineData(8, 37_831)] // < 0.05 NM = 92.6 m
    [InlineData(7, 75_663)] // < 0.1 NM
    [InlineData(6, 226_989)] // < 0.3 NM
    [InlineData(5, 378_314)] // < 0.5 NM
    [InlineData(4, 756_629)] // < 1 NM
    [InlineData(3, 1_513_257)] // < 2 NM
    [InlineData(2, 3_026_515)] // < 4 NM
    [InlineData(1, 7_566_287)] // < 10 NM
    [InlineData(0, 0)] // unknown
    [InlineData(12, 0)] // not a NACp
    public void PositionSigmaFromNacP_Table_EpuOver2Point4477(int nacP, int expectedMillimetres)
    {
        Assert.Equal(expectedMillimetres, AdsbQuality.PositionSigmaFromNacPMillimetres(nacP));
    }

    [Theory]
    [InlineData(0, 4_085)] // unknown or ≥ 10 m/s: at least 10 m/s
    [InlineData(1, 4_085)] // < 10 m/s
    [InlineData(2, 1_226)] // < 3 m/s
    [InlineData(3, 409)] // < 1 m/s
    [InlineData(4, 123)] // < 0.3 m/s
    [InlineData(5, 0)] // reserved
    public void VelocitySigmaFromNacV_Table_BoundOver2Point4477(int nacV, int expectedMillimetresPerSecond)
    {
        Assert.Equal(expectedMillimetresPerSecond, AdsbQuality.VelocitySigmaFromNacVMillimetresPerSecond(nacV));
    }

    [Theory]
    [InlineData(9, 7_500)]
    [InlineData(11, 185_200)] // NIC 8: 0.1 NM (the wider of NIC 8/9 without supplements)
    [InlineData(18, 0)] // NIC 0: unknown
    [InlineData(20, 7_500)] // GNSS height, NIC 11
    [InlineData(22, 0)]
    [InlineData(4, 0)] // identification: no position
    public void ContainmentRadiusFromTypeCode_Table214_WidestRadius(int typeCode, int expectedMillimetres)
    {
        Assert.Equal(expectedMillimetres, AdsbQuality.ContainmentRadiusFromTypeCodeMillimetres(typeCode));
    }

    [Fact]
    public void PositionSigmaFromContainment_PointOneNauticalMile_RcOver5Point678()
    {
        // exp(-R²/2σ²) = 1e-7 gives R = 5.678 σ: 185.2 m / 5.678 = 32.617 m.
        Assert.Equal(32_617, AdsbQuality.PositionSigmaFromContainmentMillimetres(185_200));
        Assert.Equal(0, AdsbQuality.PositionSigmaFromContainmentMillimetres(0));
    }

    [Theory]
    [InlineData(3_000, 4_000, 5_000)]
    [InlineData(0, 1_500, 1_500)]
    [InlineData(25_000, 1_500, 25_044)] // √(625,000,000 + 2,250,000) = 25,044.96
    [InlineData(2_000_000_000, 2_000_000_000, 2_828_427_124)]
    public void RootSumSquare_Values_FloorOfTheRoot(int first, int second, long expected)
    {
        Assert.Equal(expected, (uint)AdsbQuality.RootSumSquare(first, second));
    }
}

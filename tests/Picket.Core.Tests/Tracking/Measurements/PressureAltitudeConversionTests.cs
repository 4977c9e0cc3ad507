namespace Picket.Tracking.Measurements;

/// <summary>Pressure altitude to geometric height; expected values worked by hand from ICAO Doc 7488.</summary>
public class PressureAltitudeConversionTests
{
    [Fact]
    public void StandardAtmosphere_FL300_GeopotentialToGeometric()
    {
        // H = 30,000 ft = 9,144 m; h = R·H/(R - H) with R = 6,356,766 m: 9,144 + 9,144²/6,347,622 = 9,157.172 m.
        Assert.Equal(9_157_172, PressureAltitudeConversion.StandardAtmosphere(30_000));
        Assert.Equal(0, PressureAltitudeConversion.StandardAtmosphere(0));
    }

    [Fact]
    public void StandardAtmosphereSigma_FL300_About200Metres()
    {
        // √(80² + (9,144 × 0.02)²) = √(6,400 + 33,445) = 199.6 m: the brief's 150-250 m at FL300.
        var sigma = PressureAltitudeConversion.StandardAtmosphereSigmaMillimetres(30_000, 80_000, 20);

        Assert.InRange(sigma, 199_600, 199_620);
        Assert.Equal(80_000, PressureAltitudeConversion.StandardAtmosphereSigmaMillimetres(0, 80_000, 20));
    }

    [Fact]
    public void WithDifference_OwnGnssBaroDifference_Added()
    {
        // 30,000 ft + 775 ft (the TC 19 difference of the DF18 frame in ModeSObservationBuilderTests).
        Assert.Equal(9_144_000 + 236_220, PressureAltitudeConversion.WithDifference(30_000, 236_220));
    }
}

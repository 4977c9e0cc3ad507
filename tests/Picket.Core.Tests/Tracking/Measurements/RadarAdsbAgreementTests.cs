using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>Windows of kinematic radar plots against an ADS-B track, alone (χ² with 2 degrees of freedom: mean 2).</summary>
public class RadarAdsbAgreementTests
{
    private static readonly long MeanLimit = Q31x32.FromInteger(6);

    [Fact]
    public void AddPlot_ConsistentPlots_NoDisagreementAndTheWindowRestarts()
    {
        long sum = 0;
        var count = 0;
        var saturations = 0;
        for (var i = 0; i < 7; i++)
        {
            Assert.False(RadarAdsbAgreement.AddPlot(ref sum, ref count, Q31x32.FromInteger(2), 8, MeanLimit, ref saturations));
        }

        // The eighth closes the window: 16 against a limit of 48.
        Assert.False(RadarAdsbAgreement.AddPlot(ref sum, ref count, Q31x32.FromInteger(12), 8, MeanLimit, ref saturations));
        Assert.Equal(0, count);
        Assert.Equal(0, sum);
        Assert.Equal(0, saturations);
    }

    [Fact]
    public void AddPlot_EveryPlotGatesButAllAtNisSeven_DisagreesOncePerWindow()
    {
        long sum = 0;
        var count = 0;
        var saturations = 0;
        var disagreements = 0;
        for (var i = 0; i < 16; i++)
        {
            // 7 is inside a 14 gate, but 8 × 7 = 56 > 48.
            disagreements += RadarAdsbAgreement.AddPlot(ref sum, ref count, Q31x32.FromInteger(7), 8, MeanLimit, ref saturations) ? 1 : 0;
        }

        Assert.Equal(2, disagreements);
    }

    [Fact]
    public void AddPlot_MeanExactlyOnTheLimit_Agrees()
    {
        long sum = 0;
        var count = 0;
        var saturations = 0;

        Assert.False(RadarAdsbAgreement.AddPlot(ref sum, ref count, Q31x32.FromInteger(6), 1, MeanLimit, ref saturations));
    }
}

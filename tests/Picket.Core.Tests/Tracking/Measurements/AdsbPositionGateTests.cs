using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>The outlier rule for ADS-B positions of an established track, alone.</summary>
public class AdsbPositionGateTests
{
    private static readonly long Gate = Q31x32.FromInteger(14);

    [Theory]
    [InlineData(2, 0, AdsbGateDecision.Accept)]
    [InlineData(14, 2, AdsbGateDecision.Accept)] // on the gate is inside
    [InlineData(15, 0, AdsbGateDecision.Reject)]
    [InlineData(15, 1, AdsbGateDecision.Reject)]
    [InlineData(15, 2, AdsbGateDecision.Restart)] // the third in a row
    [InlineData(400, 2, AdsbGateDecision.Restart)]
    public void Decide_ThreeRejectsBeforeRestart(int nis, int consecutiveRejects, AdsbGateDecision expected)
    {
        Assert.Equal(expected, AdsbPositionGate.Decide(Q31x32.FromInteger(nis), Gate, consecutiveRejects, 3));
    }

    [Fact]
    public void Decide_OneRejectBeforeRestart_EveryOutlierRestarts()
    {
        Assert.Equal(AdsbGateDecision.Restart, AdsbPositionGate.Decide(Q31x32.FromInteger(15), Gate, 0, 1));
    }
}

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

    // A previous reject at (1,000, 2,000) m, the track flying east at 200 m/s; 1 s later. Each
    // position 25 m (625 m²), the velocity 5 m/s (25 m²/s²): 2 × 625 + 25 = 1,275 m² per axis,
    // so the gate of 14 holds a difference up to √(14 × 1,275) = 133.6 m from (1,200, 2,000).
    [Theory]
    [InlineData(1_200, 2_000, true)]
    [InlineData(1_320, 2_000, true)]
    [InlineData(1_200, 1_870, true)]
    [InlineData(1_340, 2_000, false)]
    [InlineData(1_100, 2_100, false)] // 141 m off
    [InlineData(3_700, 6_300, false)] // a bad position 5 km off
    public void AgreesWithPreviousReject_WithinTheGateOfTheFlownOnReject(int east, int north, bool expected)
    {
        var saturations = 0;
        var agrees = AdsbPositionGate.AgreesWithPreviousReject(
            Q31x32.FromInteger(east),
            Q31x32.FromInteger(north),
            Q31x32.FromInteger(1_000),
            Q31x32.FromInteger(2_000),
            Q31x32.One,
            Q31x32.FromInteger(200),
            0,
            625L << 24,
            25L << 24,
            Gate,
            ref saturations);

        Assert.Equal(expected, agrees);
        Assert.Equal(0, saturations);
    }
}

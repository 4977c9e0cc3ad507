using Picket.Numerics;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// The class from what the target says of itself (DO-260B §2.2.3.2.5.2 emitter categories: A6
/// high performance, B6 UAV), else cooperative with ADS-B positions an airliner, else its speed
/// against the 60 m/s drone limit; every class but the airliner runs the IMM, and every IMM class
/// but the drone its turn modes.
/// </summary>
public class TargetClassifierTests
{
    [Theory]
    [InlineData("A6", TargetClass.Fighter)]
    [InlineData("B6", TargetClass.Drone)]
    [InlineData("A3", TargetClass.Airliner)]
    public void ChooseTargetClass_EmitterCategory_DecidesWhateverTheSpeed(string category, TargetClass expected)
    {
        var track = Moving(30);
        track.EmitterCategory = category;

        new TargetClassifier(new TrackerConfiguration()).ChooseTargetClass(track);

        Assert.Equal(expected, track.Filter.TargetClass);
        Assert.Equal(expected != TargetClass.Airliner, track.Filter.Manoeuvring);
    }

    [Theory]
    [InlineData(59, TargetClass.Drone)]
    [InlineData(61, TargetClass.Unknown)]
    [InlineData(250, TargetClass.Unknown)]
    public void ChooseTargetClass_NonCooperative_DroneBelowSixtyMetresPerSecond(int speed, TargetClass expected)
    {
        var track = Moving(speed);

        new TargetClassifier(new TrackerConfiguration()).ChooseTargetClass(track);

        Assert.Equal(expected, track.Filter.TargetClass);
        Assert.True(track.Filter.Manoeuvring);
        Assert.Equal(expected == TargetClass.Unknown, track.Filter.TurnRate > 0 && track.Filter.WideTurnRate > track.Filter.TurnRate);
    }

    [Fact]
    public void ChooseTargetClass_TurnRatesFromTheConfiguration_ZeroTurnsThemOff()
    {
        var track = Moving(250);

        new TargetClassifier(new TrackerConfiguration { TurnRateMillidegreesPerSecond = 2_000, WideTurnRateMillidegreesPerSecond = 4_000 }).ChooseTargetClass(track);
        Assert.Equal(2 * Math.PI / 180, track.Filter.TurnRate / 2305843009213693952.0, 1e-12);
        Assert.Equal(4 * Math.PI / 180, track.Filter.WideTurnRate / 2305843009213693952.0, 1e-12);

        new TargetClassifier(new TrackerConfiguration { TurnRateMillidegreesPerSecond = 0 }).ChooseTargetClass(track);
        Assert.Equal(0, track.Filter.TurnRate);
        Assert.Equal(0, track.Filter.WideTurnRate);
    }

    [Fact]
    public void ChooseTargetClass_CooperativeWithAdsbPositions_AirlinerWithoutTheImm()
    {
        var track = Moving(250);
        track.HasIcaoAddress = true;
        track.LastAdsbPositionMicroseconds = 1_000_000;

        new TargetClassifier(new TrackerConfiguration()).ChooseTargetClass(track);

        Assert.Equal(TargetClass.Airliner, track.Filter.TargetClass);
        Assert.False(track.Filter.Manoeuvring);
    }

    [Fact]
    public void ChooseTargetClass_SsrOnlyAircraft_UnknownNotAirliner()
    {
        var track = Moving(250);
        track.HasMode3A = true;

        new TargetClassifier(new TrackerConfiguration()).ChooseTargetClass(track);

        Assert.Equal(TargetClass.Unknown, track.Filter.TargetClass);
    }

    // 3-4-5: speed m/s as (0.6 v, 0.8 v) east and north.
    private static Track Moving(int speed)
    {
        var track = new Track(0);
        track.Reset(1, 0);
        track.Filter.Initialise(0, 0, 0, Q39x24.FromInteger(100), Q31x32.FromInteger(speed) / 5 * 3, Q31x32.FromInteger(speed) / 5 * 4, Q39x24.FromInteger(100));
        return track;
    }
}

using Picket.Geodesy;
using Picket.Numerics;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// The radar plot heights role alone: the assumed height of a track with no height at all (set
/// once, only lowered to a later plot's band top, never with a plot height, a track height or
/// the rule switched off), and the bisection for the height at a plot's ground range, checked
/// against the ground range <see cref="MastPlane.TryGroundRange"/> gives for a known height.
/// </summary>
public class RadarPlotHeightsTests
{
    private const long Start = 1_000_000_000_000;

    [Fact]
    public void AssumeHeight_HeldHeightAboveALaterPlotsBandTop_LoweredToIt()
    {
        var (heights, _) = Role(hold: true);
        var track = new Track(0);
        track.HasAssumedHeight = true;
        track.AssumedHeight = Q31x32.FromInteger(5_000);

        heights.AssumeHeight(track, Band(Q31x32.FromInteger(3_000)));
        Assert.Equal(Q31x32.FromInteger(3_000), track.AssumedHeight);

        // A higher band top later never raises it again.
        heights.AssumeHeight(track, Band(Q31x32.FromInteger(8_000)));
        Assert.Equal(Q31x32.FromInteger(3_000), track.AssumedHeight);
    }

    [Fact]
    public void AssumeHeight_PlotWithItsOwnHeight_NoAssumedHeight()
    {
        var (heights, _) = Role(hold: true);
        var track = new Track(0);
        var plot = Band(Q31x32.FromInteger(3_000));
        plot.HasOwnHeight = true;

        heights.AssumeHeight(track, plot);

        Assert.False(track.HasAssumedHeight);
    }

    [Fact]
    public void AssumeHeight_TrackWithAHeightOrRuleOff_Unchanged()
    {
        var (heights, _) = Role(hold: true);
        var track = new Track(0);
        track.Filter.Initialise(Start, 0, 0, Q39x24.FromInteger(100), 0, 0, Q39x24.FromInteger(100));
        track.Filter.InitialiseVertical(Q31x32.FromInteger(1_000), Q39x24.FromInteger(100), 0, Q39x24.FromInteger(1));
        heights.AssumeHeight(track, Band(Q31x32.FromInteger(3_000)));
        Assert.False(track.HasAssumedHeight);

        var (off, _) = Role(hold: false);
        var other = new Track(1);
        off.AssumeHeight(other, Band(Q31x32.FromInteger(3_000)));
        Assert.False(other.HasAssumedHeight);
    }

    [Theory]
    [InlineData(20_000, 3_000)]
    [InlineData(60_000, 9_000)]
    public void HeightAtGroundRange_GroundRangeOfAKnownHeight_ThatHeightWithinAMetre(int slantMetres, int heightMetres)
    {
        var (heights, plane) = Role(hold: true);
        int saturations = 0;
        var plot = Band(Q31x32.FromInteger(12_000));
        plot.SlantRange = Q31x32.FromInteger(slantMetres);
        plot.RadarHeight = Q31x32.FromInteger(30);
        plot.Sine = 0;
        plot.Cosine = Q2x61.One;
        Assert.True(plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, Q31x32.FromInteger(heightMetres), plot.Sine, plot.Cosine, out long ground, ref saturations));
        plot.GroundRange = ground;

        long found = heights.HeightAtGroundRange(plot);

        long error = found - Q31x32.FromInteger(heightMetres);
        Assert.InRange(error, -Q31x32.FromInteger(1), Q31x32.FromInteger(1));
        Assert.Equal(0, saturations);
    }

    // A plot without height whose band runs from the ground to bandTop.
    private static PlotGeometry Band(long bandTop) => new PlotGeometry { Usable = true, BandLowest = 0, BandTop = bandTop };

    private static (RadarPlotHeights Heights, MastPlane Plane) Role(bool hold)
    {
        int saturations = 0;
        var configuration = new TrackerConfiguration { HoldAssumedHeight = hold };
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var counters = new TrackerCounters();
        var timing = new MeasurementTiming(configuration, counters);
        var adsb = new AdsbUpdater(configuration, plane, new[] { new Track(0) }, new TrackFilter(), timing, new CoarseGate(configuration, counters), new TargetClassifier(configuration), counters);
        return (new RadarPlotHeights(configuration, plane, timing, adsb, counters), plane);
    }
}

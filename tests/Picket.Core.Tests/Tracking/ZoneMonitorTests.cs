using Picket.Zones;

namespace Picket.Tracking;

/// <summary><see cref="ZoneMonitor"/>'s rules alone, on hand-placed samples of a track's estimate.</summary>
public class ZoneMonitorTests : ITrackerOutput
{
    private const long Second = 1_000_000;
    private readonly List<ZoneAlert> _alerts = [];
    private readonly TrackerCounters _counters = new();

    void ITrackerOutput.OnTrackReport(ref Publishing.TrackReport report)
    {
    }

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert) => _alerts.Add(alert);

    [Fact]
    public void Sample_CrossingInAndOutWithFreshEstimates_EnterAndExitAfterMarginAndDwell()
    {
        var (monitor, track) = Create();
        // Margin 100 m, dwell 2: x = 9.95 km is inside the margin band (no count), 10.2 and 10.3
        // km count 1 and 2 (enter at the second), then the way out the same at 20.2 and 20.3 km.
        long[] east = [9_000_000, 9_950_000, 10_200_000, 10_300_000, 15_000_000, 20_050_000, 20_200_000, 20_300_000];
        for (int i = 0; i < east.Length; i++)
        {
            monitor.Sample(track, east[i], 0, i * Second, 0, 1_000_000, fresh: true);
        }

        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Exit], _alerts.Select(a => a.Event));
        Assert.Equal(3 * Second, _alerts[0].TimeUnixMicroseconds);
        Assert.Equal(7 * Second, _alerts[1].TimeUnixMicroseconds);
        Assert.Equal(4 * Second, _alerts[1].DurationMicroseconds);
        Assert.Equal(0, _alerts[0].DurationMicroseconds);
        Assert.Equal(2, _counters.Alerts);
    }

    [Fact]
    public void Sample_CoastingEstimateLeaves_NoExitUntilAFreshEstimateIsOutside()
    {
        var (monitor, track) = Create();
        monitor.Sample(track, 12_000_000, 0, 0, 0, 1_000_000, fresh: true);
        monitor.Sample(track, 12_000_000, 0, Second, 0, 1_000_000, fresh: true);
        for (int i = 2; i < 6; i++)
        {
            monitor.Sample(track, 25_000_000, 0, i * Second, 0, 1_000_000, fresh: false);
        }

        Assert.Equal([ZoneAlertEvent.Enter], _alerts.Select(a => a.Event));
        monitor.Sample(track, 25_000_000, 0, 6 * Second, 0, 1_000_000, fresh: true);
        monitor.Sample(track, 25_000_000, 0, 7 * Second, 0, 1_000_000, fresh: true);
        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Exit], _alerts.Select(a => a.Event));
    }

    [Fact]
    public void Sample_CoastingEstimateEnters_EnterRaised()
    {
        var (monitor, track) = Create();
        monitor.Sample(track, 12_000_000, 0, 0, 0, 1_000_000, fresh: false);
        monitor.Sample(track, 12_500_000, 0, Second, 0, 1_000_000, fresh: false);

        Assert.Equal([ZoneAlertEvent.Enter], _alerts.Select(a => a.Event));
    }

    [Fact]
    public void Ended_InsideOneZoneOutsideAnother_OneLostWithTheTimeInside()
    {
        var (monitor, track) = Create();
        monitor.Confirmed(track);
        monitor.Sample(track, 12_000_000, 0, 10 * Second, 0, 1_000_000, fresh: true);
        monitor.Ended(track, 25 * Second);

        Assert.Equal([ZoneAlertEvent.Enter, ZoneAlertEvent.Lost], _alerts.Select(a => a.Event));
        Assert.Equal("square", _alerts[1].ZoneName);
        Assert.Equal(15 * Second, _alerts[1].DurationMicroseconds);
        Assert.Equal(25 * Second, _alerts[1].TimeUnixMicroseconds);
        Assert.False(track.Occupancy[0].Inside);

        monitor.Ended(track, 30 * Second);
        Assert.Equal(2, _alerts.Count);
    }

    [Theory]
    [InlineData(10_000L, 10_050_000L, true)]
    [InlineData(40_000L, 10_050_000L, false)]
    [InlineData(40_000L, 10_090_000L, true)]
    [InlineData(1_000L, 10_015_000L, true)]
    [InlineData(1_000L, 10_005_000L, false)]
    public void Sample_EnterMarginFollowsSigma_TwoSigmasBetweenMinimumAndFullMargin(long sigma, long east, bool entered)
    {
        // Full margin 100 m, minimum entry margin 10 m, 2 sigmas: σ 10 m → 20 m, σ 40 m → 80 m,
        // σ 1 m → the 10 m minimum. Two samples at the same place (dwell 2).
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, this, _counters);
        var track = new Track(1);
        monitor.Sample(track, east, 0, 0, sigma, 1_000_000, fresh: true);
        monitor.Sample(track, east, 0, Second, sigma, 1_000_000, fresh: true);

        Assert.Equal(entered, _alerts.Count == 1);
    }

    [Theory]
    [InlineData(10_150_000L, true)]
    [InlineData(10_050_000L, false)]
    [InlineData(9_000_000L, false)]
    public void Sample_HeadingIn_EntryAtTheSmallestMarginWhenTheLeadPointIsInByTheWholeMargin(long leadEast, bool entered)
    {
        // σ 50 m, 100 m/s: an entry margin of 100 m. The estimate is 20 m inside the square's west edge
        // (x = 10 km), short of it; flown on for the lead it would be at leadEast: 150 m in (a
        // track heading in: the 10 m minimum margin is enough), 50 m in (not by the whole
        // margin), or back outside (a track heading out).
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, this, _counters);
        var track = new Track(1);
        monitor.Sample(track, 10_020_000, 0, 0, 50_000, 100_000_000, fresh: true, leadEast, 0, atPlot: false);
        monitor.Sample(track, 10_020_000, 0, Second, 50_000, 100_000_000, fresh: true, leadEast, 0, atPlot: false);

        Assert.Equal(entered, _alerts.Count == 1);
    }

    [Theory]
    [InlineData(true, true, 10_150_000L, true, 0)]
    [InlineData(true, false, 10_150_000L, false, 1)]
    [InlineData(false, true, 10_150_000L, false, 1)]
    [InlineData(true, true, 10_020_000L, false, 0)]
    public void Sample_AtItsPlotHeadingIn_EntersWithoutTheDwell(bool rule, bool atPlot, long leadEast, bool enteredAtOnce, int dwellSamples)
    {
        // The estimate of the test above, one sample only (the dwell is 2). Taken at its plot and
        // heading in (its lead point 150 m in, past the 100 m margin: the 10 m margin applies), it
        // enters at once; taken between plots, or with the rule off, it is the dwell's first
        // sample. With no lead point (the estimate itself, as for a track that does not move) it
        // is 20 m in, short of the whole 100 m margin, and counts for nothing.
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, this, _counters) { EnterHeadingInAtPlot = rule };
        var track = new Track(1);
        monitor.Sample(track, 10_020_000, 0, 0, 50_000, 100_000_000, fresh: true, leadEast, 0, atPlot);

        Assert.Equal(enteredAtOnce, _alerts.Count == 1);
        Assert.Equal(dwellSamples, track.Occupancy[0].ConsecutiveSamples);
    }

    [Fact]
    public void Sample_NoLeadPoint_TheWholeEntryMargin()
    {
        // The same estimate sampled without a lead point (the estimate itself): 20 m in is short
        // of the 100 m margin.
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, this, _counters);
        var track = new Track(1);
        monitor.Sample(track, 10_020_000, 0, 0, 50_000, 100_000_000, fresh: true);
        monitor.Sample(track, 10_020_000, 0, Second, 50_000, 100_000_000, fresh: true);

        Assert.Empty(_alerts);
    }

    [Theory]
    [InlineData(2, 20_150_000L, false)]
    [InlineData(2, 20_250_000L, true)]
    [InlineData(0, 20_150_000L, true)]
    public void Sample_ExitMarginFollowsSigma_AnUncertainTrackLeavesOnlyWhenClearlyOut(int exitSigmas, long east, bool exited)
    {
        // Full margin 100 m; σ 100 m and 2 exit sigmas: an exit needs 200 m outside. Inside at
        // 15 km (entered), then two fresh samples at 150 m or 250 m beyond the edge at 20 km.
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, this, _counters) { ExitMarginSigmas = exitSigmas };
        var track = new Track(1);
        monitor.Sample(track, 15_000_000, 0, 0, 100_000, 1_000_000, fresh: true);
        monitor.Sample(track, 15_000_000, 0, Second, 100_000, 1_000_000, fresh: true);
        monitor.Sample(track, east, 0, 2 * Second, 100_000, 1_000_000, fresh: true);
        monitor.Sample(track, east, 0, 3 * Second, 100_000, 1_000_000, fresh: true);

        Assert.Equal(ZoneAlertEvent.Enter, _alerts[0].Event);
        Assert.Equal(exited, _alerts.Count == 2);
    }

    [Fact]
    public void Sample_MinimumIntervalSet_SamplesSoonerThanItAfterTheLastDoNotCount()
    {
        // Minimum sample interval 500 ms, dwell 2, entry margin 10 m: a sample 10.2 km east at
        // 0 s counts 1; 0.2 s later (a prediction just after the plot) it is ignored; at 0.6 s
        // it counts 2 and the entry is raised then.
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, 500_000, this, _counters);
        var track = new Track(1);
        monitor.Sample(track, 10_200_000, 0, 0, 0, 1_000_000, fresh: true);
        monitor.Sample(track, 10_200_000, 0, Second / 5, 0, 1_000_000, fresh: true);
        Assert.Empty(_alerts);
        monitor.Sample(track, 10_200_000, 0, Second * 6 / 10, 0, 1_000_000, fresh: true);

        var alert = Assert.Single(_alerts);
        Assert.Equal(ZoneAlertEvent.Enter, alert.Event);
        Assert.Equal(Second * 6 / 10, alert.TimeUnixMicroseconds);
    }

    [Fact]
    public void Sample_MinimumIntervalSet_SampleOutsideHoldsTheNextOneNotBack()
    {
        // The same rules: a sample outside at 0 s starts no dwell, so one inside 0.2 s later
        // counts 1 at once, and the entry comes 500 ms after that, at 0.7 s.
        var monitor = new ZoneMonitor([Square()], ["square"], 100_000, 2, 10_000, 2, 500, 500_000, this, _counters);
        var track = new Track(1);
        monitor.Sample(track, 9_000_000, 0, 0, 0, 1_000_000, fresh: true);
        monitor.Sample(track, 10_200_000, 0, Second / 5, 0, 1_000_000, fresh: true);
        monitor.Sample(track, 10_200_000, 0, Second / 2, 0, 1_000_000, fresh: true);
        Assert.Empty(_alerts);
        monitor.Sample(track, 10_200_000, 0, Second * 7 / 10, 0, 1_000_000, fresh: true);

        var alert = Assert.Single(_alerts);
        Assert.Equal(Second * 7 / 10, alert.TimeUnixMicroseconds);
    }

    [Fact]
    public void Constructor_NamesAndZonesDiffer_Refused() =>
        Assert.Throws<ArgumentException>(() => new ZoneMonitor([Square()], [], 0, 1, 0, 2, 500, this, _counters));

    // 10 km square from 10 to 20 km east, -5 to 5 km north; a second zone far away (50-60 km east).
    private static ZoneGeometry Square() =>
        new([10_000_000, 20_000_000, 20_000_000, 10_000_000], [-5_000_000, -5_000_000, 5_000_000, 5_000_000], [0]);

    private (ZoneMonitor Monitor, Track Track) Create()
    {
        var far = new ZoneGeometry([50_000_000, 60_000_000, 60_000_000, 50_000_000], [-5_000_000, -5_000_000, 5_000_000, 5_000_000], [0]);
        var monitor = new ZoneMonitor([Square(), far], ["square", "far"], 100_000, 2, 100_000, 2, 500, this, _counters);
        var track = new Track(2);
        return (monitor, track);
    }
}

namespace Picket.ModeS;

/// <summary>The stream clock's rules, with hand-worked 12 MHz tick values.</summary>
public class ModeSStreamClockTests
{
    [Fact]
    public void Time_EveryFrameTimestamped_IsTheTimestamp()
    {
        var clock = new ModeSStreamClock();

        Assert.Equal(3_349_832_057_515, clock.Time(true, 3_349_832_057_515, 5));
        Assert.Equal(3_349_832_095_975, clock.Time(true, 3_349_832_095_975, 6));
        Assert.Equal(3_349_832_000_000, clock.Time(true, 3_349_832_000_000, 7)); // merged feeds go back a little
    }

    [Fact]
    public void Time_BareFramesOnly_IsArrival()
    {
        var clock = new ModeSStreamClock();

        Assert.Equal(0, clock.Time(false, 0, 0));
        Assert.Equal(12_000_000, clock.Time(false, 0, 12_000_000));
    }

    [Fact]
    public void Time_BareAfterTimestamp_LastTimestampPlusArrivalElapsed()
    {
        var clock = new ModeSStreamClock();
        clock.Time(true, 3_000_000_000_000, 100);

        // 1,200 ticks (100 µs) of arrival after the timestamp.
        Assert.Equal(3_000_000_001_200, clock.Time(false, 0, 1_300));

        // The next timestamp is taken as it is, and the next bare frame follows it.
        Assert.Equal(3_000_000_240_000, clock.Time(true, 3_000_000_240_000, 1_400));
        Assert.Equal(3_000_000_240_000, clock.Time(false, 0, 1_400));
    }

    [Fact]
    public void Time_ArrivalClockStepsBack_NeverBeforeLastTimestamp()
    {
        var clock = new ModeSStreamClock();
        clock.Time(true, 5_000_000, 1_000);

        Assert.Equal(5_000_000, clock.Time(false, 0, 400));
    }

    [Fact]
    public void Time_BareFramesBeforeFirstTimestamp_TimestampsContinueFromArrival()
    {
        var clock = new ModeSStreamClock();
        Assert.Equal(24_000_000, clock.Time(false, 0, 24_000_000));

        // First timestamp 3,000,000,000,000 arrives at 36,000,000: offset 36,000,000 - 3e12.
        Assert.Equal(36_000_000, clock.Time(true, 3_000_000_000_000, 36_000_000));
        Assert.Equal(48_000_000, clock.Time(true, 3_000_012_000_000, 36_000_001));
        Assert.Equal(48_000_000 + 600, clock.Time(false, 0, 36_000_601));
    }

    [Fact]
    public void Reset_ForgetsTheStream()
    {
        var clock = new ModeSStreamClock();
        clock.Time(false, 0, 10);
        clock.Time(true, 1_000_000, 20);

        clock.Reset();

        Assert.Equal(7_000_000, clock.Time(true, 7_000_000, 30));
    }
}

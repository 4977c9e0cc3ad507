using Microsoft.Extensions.Time.Testing;
using Picket.Gateway.Time;

namespace Picket.Gateway.Tracking;

public sealed class TrackIdEpochTests
{
    // 2026-12-03 10:00:00.250 UTC: a quarter of a second into a whole second.
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void WaitForFirstTrackId_MidSecond_WaitsForTheNextWholeSecond()
    {
        var time = new FakeTimeProvider(Start);
        var clock = new GatewayClock(time, new NeverSynchronized());
        var waited = TimeSpan.Zero;

        var first = TrackIdEpoch.WaitForFirstTrackId(clock, span => { waited += span; time.Advance(span); });

        var nextSecond = Start.ToUnixTimeSeconds() + 1;
        Assert.Equal(nextSecond << 24, first);
        Assert.Equal(TimeSpan.FromMilliseconds(750), waited);
        Assert.Equal(nextSecond * 1_000_000, clock.UtcNowUnixMicroseconds);
    }

    [Fact]
    public void WaitForFirstTrackId_RestartWithinTheSameSecond_NeverReusesTheLastRunsIds()
    {
        // A run starts, is killed 100 ms after it began tracking and restarts at once: the second
        // run's ids start a whole 2^24 above the first run's.
        var time = new FakeTimeProvider(Start);
        var clock = new GatewayClock(time, new NeverSynchronized());
        var firstRun = TrackIdEpoch.WaitForFirstTrackId(clock, time.Advance);
        time.Advance(TimeSpan.FromMilliseconds(100));

        var secondRun = TrackIdEpoch.WaitForFirstTrackId(new GatewayClock(time, new NeverSynchronized()), time.Advance);

        Assert.Equal(firstRun + (1L << 24), secondRun);
    }

    [Fact]
    public void WaitForFirstTrackId_SleepReturnsEarly_KeepsWaiting()
    {
        var time = new FakeTimeProvider(Start);
        var clock = new GatewayClock(time, new NeverSynchronized());
        var calls = 0;

        // Each sleep advances only 100 ms (a sleep cut short): the wait goes on until the second.
        var first = TrackIdEpoch.WaitForFirstTrackId(clock, _ => { calls++; time.Advance(TimeSpan.FromMilliseconds(100)); });

        Assert.Equal((Start.ToUnixTimeSeconds() + 1) << 24, first);
        Assert.Equal(8, calls);
    }

    private sealed class NeverSynchronized : INtpStatusProbe
    {
        public bool IsSynchronized() => false;
    }
}

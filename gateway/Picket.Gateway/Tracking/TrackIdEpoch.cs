using Picket.Gateway.Time;

namespace Picket.Gateway.Tracking;

/// <summary>
/// The first track id of a gateway run: a whole second of the gateway clock × 2^24, so ids stay
/// unique across restarts (16 M tracks per run before they could meet the next run's). The second
/// is the next whole one, waited for, so a gateway killed and restarted within one second never
/// reuses the last run's ids: the earlier run's ids come from a second that had already begun
/// when it started tracking, the later run's from a second after its own start.
/// </summary>
public static class TrackIdEpoch
{
    /// <summary>Bits of a track id below the run's second.</summary>
    public const int RunBits = 24;

    /// <summary>Waits until the gateway clock reaches the next whole second and returns that second × 2^24.</summary>
    /// <param name="clock">The gateway clock.</param>
    /// <param name="sleep">Waits the given time (<see cref="Thread.Sleep(TimeSpan)"/> outside tests).</param>
    public static long WaitForFirstTrackId(GatewayClock clock, Action<TimeSpan> sleep)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(sleep);
        var firstSecond = (clock.UtcNowUnixMicroseconds / 1_000_000) + 1;
        long remaining;
        while ((remaining = (firstSecond * 1_000_000) - clock.UtcNowUnixMicroseconds) > 0)
        {
            sleep(TimeSpan.FromMicroseconds(remaining));
        }

        return firstSecond << RunBits;
    }
}

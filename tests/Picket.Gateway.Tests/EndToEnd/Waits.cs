using System.Diagnostics;

namespace Picket.Gateway.EndToEnd;

/// <summary>Polling and the wall clock, as the end-to-end tests watch real processes.</summary>
internal static class Waits
{
    /// <summary>Wall-clock time, microseconds since the Unix epoch (millisecond resolution).</summary>
    public static long NowUnixMicroseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    /// <summary>Polls <paramref name="condition"/> every 50 ms; fails with <paramref name="message"/> after <paramref name="timeout"/>.</summary>
    public static void Until(TimeSpan timeout, Func<bool> condition, string message)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < timeout, message);
            Thread.Sleep(50);
        }
    }
}

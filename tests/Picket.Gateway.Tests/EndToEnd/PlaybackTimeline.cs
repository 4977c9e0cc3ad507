using System.Diagnostics;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// One clock for the players of one recorded scenario: each plays its stream once, every frame or
/// record at its offset from the scenario's start on <see cref="Clock"/>, so that the Beast and
/// radar streams keep the recording's relative timing. Scenario time t is then wall time
/// <see cref="WallStartUnixMicroseconds"/> + t.
/// </summary>
internal sealed class PlaybackTimeline
{
    public PlaybackTimeline(DateTimeOffset scenarioStart)
    {
        ScenarioStart = scenarioStart;
        Clock = Stopwatch.StartNew();
        WallStartUnixMicroseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    }

    /// <summary>The recording's start (its Beast ticks count from it; its ASTERIX times of day are offsets from it).</summary>
    public DateTimeOffset ScenarioStart { get; }

    /// <summary>Elapsed time since the timeline began.</summary>
    public Stopwatch Clock { get; }

    /// <summary>Wall-clock time of the scenario's start, microseconds since the Unix epoch.</summary>
    public long WallStartUnixMicroseconds { get; }
}

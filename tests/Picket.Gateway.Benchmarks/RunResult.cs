using System.Text.Json;

namespace Picket.Gateway.Benchmarks;

/// <summary>What one run measured, for the verbs to analyse.</summary>
internal sealed class RunResult
{
    public required string Label { get; init; }

    /// <summary>The gateway process's start (wall clock just before it was started).</summary>
    public required DateTime GatewayStartedUtc { get; init; }

    /// <summary>When the status file was first seen (polled every 10 ms), or null.</summary>
    public required DateTime? StatusFileSeenUtc { get; init; }

    /// <summary>The first frame written to the gateway.</summary>
    public required DateTime? FirstWriteUtc { get; init; }

    /// <summary>/proc figures at the start and end of the steady-state window.</summary>
    public required ProcFs WindowStart { get; init; }

    public required ProcFs WindowEnd { get; init; }

    public required double WindowSeconds { get; init; }

    /// <summary>Largest VmRSS seen over the whole run (sampled every second), and VmHWM at its end.</summary>
    public required long MaxRssKilobytes { get; init; }

    public required long PeakRssKilobytes { get; init; }

    /// <summary>The status file's content at the window's start, when the feed ended, and after the drain.</summary>
    public required JsonElement? StatusAtStart { get; init; }

    public required JsonElement? StatusAtFeedEnd { get; init; }

    public required JsonElement? StatusAtEnd { get; init; }

    /// <summary>Uplink bytes on the wire (gateway → server) and the wall clock (µs) at the window's start and end; zero without a relay.</summary>
    public required (long Bytes, long UnixMicroseconds) WireAtStart { get; init; }

    public required (long Bytes, long UnixMicroseconds) WireAtEnd { get; init; }

    /// <summary>The feeder's write log.</summary>
    public required long[] WriteUnixMicroseconds { get; init; }

    public required long[] WriteEnds { get; init; }

    public required string FeedOutcome { get; init; }

    /// <summary>The server's database, left behind for reading (the server has exited).</summary>
    public required string ServerDatabasePath { get; init; }

    /// <summary>Beast bytes the feeder wrote between two wall-clock times (µs).</summary>
    public long BytesWrittenBetween(long fromUnixMicroseconds, long toUnixMicroseconds)
    {
        long before = 0, until = 0;
        for (var i = 0; i < WriteUnixMicroseconds.Length; i++)
        {
            if (WriteUnixMicroseconds[i] <= fromUnixMicroseconds)
            {
                before = WriteEnds[i];
            }

            if (WriteUnixMicroseconds[i] <= toUnixMicroseconds)
            {
                until = WriteEnds[i];
            }
        }

        return until - before;
    }
}

namespace Picket.Simulation.Playback;

/// <summary>
/// One frame of a recorded scenario, due at its scenario time: a Mode S message as the Beast
/// stream held it (its bytes on the wire, its 12 MHz timestamp, signal level and message), or an
/// ASTERIX data block with where its time of day lies.
/// </summary>
public sealed class PlaybackFrame
{
    /// <summary>Which sensor it comes from.</summary>
    public required PlaybackFrameKind Kind { get; init; }

    /// <summary>Microseconds from the scenario's start.</summary>
    public required long TimeMicroseconds { get; init; }

    /// <summary>The bytes as recorded: a whole escaped Beast frame, or an ASTERIX data block.</summary>
    public required byte[] Recorded { get; init; }

    /// <summary>Mode S: the message (2, 7 or 14 bytes).</summary>
    public byte[] Message { get; init; } = [];

    /// <summary>Mode S: the recorded 12 MHz timestamp.</summary>
    public long Ticks { get; init; }

    /// <summary>Mode S: the Beast signal byte.</summary>
    public int SignalLevel { get; init; }

    /// <summary>ASTERIX: where the first record's 3-byte time of day (I048/140, I034/030) starts, or -1.</summary>
    public int TimeOfDayOffset { get; init; } = -1;
}

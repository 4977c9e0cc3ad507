namespace Picket.Gateway.Sources;

/// <summary>
/// Beast binary or AVR text frames from a file. 12 MHz receiver timestamps count from the
/// replay's start at the first timestamped frame; frames without one (AVR <c>*</c>, MLAT
/// synthesised) take the time of the previous frame (<see cref="ModeSStreamDecoder"/>).
/// </summary>
public sealed class ModeSReplaySource : DecoderReplaySource
{
    /// <summary>Reads frames from <paramref name="bytes"/>.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="bytes">The file's content.</param>
    /// <param name="beast">True for Beast binary, false for AVR text.</param>
    /// <param name="startUnixMicroseconds">UTC time of the first frame (or of <paramref name="ticksAtStart"/>).</param>
    /// <param name="ticksAtStart">The receiver tick that is <paramref name="startUnixMicroseconds"/>, or null for "the first frame's".</param>
    public ModeSReplaySource(string description, byte[] bytes, bool beast, long startUnixMicroseconds, long? ticksAtStart = null)
        : base(description, new ModeSStreamDecoder(beast, startUnixMicroseconds, ticksAtStart), [new ArraySegment<byte>(bytes)], bytes.Length)
    {
    }

    /// <summary>Frames read.</summary>
    public long Frames => ((ModeSStreamDecoder)Decoder).Frames;
}

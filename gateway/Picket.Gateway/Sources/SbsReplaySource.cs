namespace Picket.Gateway.Sources;

/// <summary>
/// SBS-1/BaseStation lines from a file (<see cref="SbsStreamDecoder"/>): the generated time of
/// day is placed on the start's UTC date (the nearest day); lines without it take the previous
/// line's time.
/// </summary>
public sealed class SbsReplaySource : DecoderReplaySource
{
    /// <summary>Reads lines from <paramref name="bytes"/>.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="bytes">The file's content.</param>
    /// <param name="startUnixMicroseconds">The replay's start.</param>
    public SbsReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
        : base(description, new SbsStreamDecoder(startUnixMicroseconds), [new ArraySegment<byte>(bytes)], bytes.Length)
    {
    }

    /// <summary>MSG lines read.</summary>
    public long Lines => ((SbsStreamDecoder)Decoder).Lines;
}

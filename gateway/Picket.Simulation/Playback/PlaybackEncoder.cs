using Picket.ModeS.Framing;

namespace Picket.Simulation.Playback;

/// <summary>
/// Writes a recorded frame in an output's format at its (accelerated) wall time: Beast as
/// recorded (12 MHz ticks from the scenario's start) or with GNSS timestamps; AVR with the same
/// timestamps; ASTERIX with the first record's time of day set to the frame's time of day.
/// </summary>
public static class PlaybackEncoder
{
    /// <summary>The most bytes one Mode S or ASTERIX frame takes here.</summary>
    public const int MaxEncodedLength = 65_536;

    private const long NanosecondsMask = (1L << 30) - 1;

    /// <summary>The Radarcape GNSS timestamp of <paramref name="unixMicroseconds"/>: bits 47-30 seconds of the UTC day, bits 29-0 nanoseconds.</summary>
    /// <param name="unixMicroseconds">UTC, microseconds since 1970.</param>
    /// <returns>The 48-bit timestamp.</returns>
    public static long GpsTimestamp(long unixMicroseconds)
    {
        var ofDay = ((unixMicroseconds % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
        return ((ofDay / 1_000_000) << 30) | ((ofDay % 1_000_000 * 1000) & NanosecondsMask);
    }

    /// <summary>Encodes <paramref name="frame"/> for <paramref name="spec"/> into <paramref name="buffer"/>.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="spec">The output (its format must suit the frame's kind).</param>
    /// <param name="unixMicroseconds">The frame's time on the played clock (UTC).</param>
    /// <param name="rewriteTimeOfDay">ASTERIX: set the time of day from <paramref name="unixMicroseconds"/> (false: the bytes as recorded).</param>
    /// <param name="buffer">At least <see cref="MaxEncodedLength"/> bytes.</param>
    /// <returns>Bytes written; 0 when the frame does not go to this output.</returns>
    public static int Encode(PlaybackFrame frame, PlaybackOutputSpec spec, long unixMicroseconds, bool rewriteTimeOfDay, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(buffer);
        switch (spec.Format)
        {
            case PlaybackFormat.Beast when frame.Kind == PlaybackFrameKind.ModeS:
                if (!spec.GpsTimestamps)
                {
                    frame.Recorded.CopyTo(buffer, 0);
                    return frame.Recorded.Length;
                }

                return BeastWriter.Write(frame.Message, 0, frame.Message.Length, GpsTimestamp(unixMicroseconds), frame.SignalLevel, buffer, 0);
            case PlaybackFormat.Avr when frame.Kind == PlaybackFrameKind.ModeS:
                return AvrWriter.Write(frame.Message, 0, frame.Message.Length, spec.GpsTimestamps ? GpsTimestamp(unixMicroseconds) : frame.Ticks, buffer, 0);
            case PlaybackFormat.Asterix when frame.Kind == PlaybackFrameKind.Asterix:
                frame.Recorded.CopyTo(buffer, 0);
                if (rewriteTimeOfDay && frame.TimeOfDayOffset >= 0)
                {
                    var ofDay = ((unixMicroseconds % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
                    var timeOfDay = (int)(ofDay * 128 / 1_000_000);
                    buffer[frame.TimeOfDayOffset] = (byte)(timeOfDay >> 16);
                    buffer[frame.TimeOfDayOffset + 1] = (byte)(timeOfDay >> 8);
                    buffer[frame.TimeOfDayOffset + 2] = (byte)timeOfDay;
                }

                return frame.Recorded.Length;
            default:
                return 0;
        }
    }
}

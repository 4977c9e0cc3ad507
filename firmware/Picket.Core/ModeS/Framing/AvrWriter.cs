namespace Picket.ModeS.Framing;

/// <summary>
/// Writes frames as AVR raw text with a timestamp, the inverse of <see cref="AvrFramer"/>'s
/// <c>@</c> form: <c>@</c>, 12 hex digits of the 12 MHz timestamp, the frame in upper-case hex,
/// <c>;</c> and a line feed. No allocation.
/// </summary>
public static class AvrWriter
{
    /// <summary>The most bytes one frame takes: '@', 12 timestamp digits, 28 frame digits, ';', LF.</summary>
    public const int MaxEncodedLength = 1 + 12 + 28 + 2;

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Writes one frame into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
    /// <param name="frame">The frame bytes.</param>
    /// <param name="frameOffset">Index of the frame's first byte.</param>
    /// <param name="frameLength">2 (Mode A/C), 7 or 14.</param>
    /// <param name="timestampTicks">12 MHz timestamp, 0 to 2^48 - 1.</param>
    /// <param name="buffer">Output.</param>
    /// <param name="offset">Index of the first byte written.</param>
    /// <returns>Bytes written, or 0 for a bad length or value, or too little room.</returns>
    public static int Write(byte[] frame, int frameOffset, int frameLength, long timestampTicks, byte[] buffer, int offset)
    {
        var length = 1 + 12 + (2 * frameLength) + 2;
        if ((frameLength != 2 && frameLength != 7 && frameLength != 14) || frame == null || buffer == null
            || timestampTicks < 0 || timestampTicks >= (1L << 48) || frameOffset < 0 || frameOffset > frame.Length - frameLength
            || offset < 0 || offset > buffer.Length - length)
        {
            return 0;
        }

        var i = offset;
        buffer[i++] = (byte)'@';
        for (var shift = 44; shift >= 0; shift -= 4)
        {
            buffer[i++] = (byte)HexDigits[(int)((timestampTicks >> shift) & 0xF)];
        }

        for (var k = 0; k < frameLength; k++)
        {
            var value = frame[frameOffset + k];
            buffer[i++] = (byte)HexDigits[value >> 4];
            buffer[i++] = (byte)HexDigits[value & 0xF];
        }

        buffer[i++] = (byte)';';
        buffer[i++] = (byte)'\n';
        return length;
    }
}

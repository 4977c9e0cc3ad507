namespace Picket.ModeS.Framing;

/// <summary>
/// Writes frames in the Mode-S Beast binary protocol, the inverse of <see cref="BeastFramer"/>:
/// <c>0x1a</c>, the type ('1' Mode A/C, '2' 56-bit, '3' 112-bit), a 6-byte 12 MHz timestamp
/// (most significant byte first), the signal byte and the frame, with every <c>0x1a</c> after
/// the type byte doubled so the reader can find frame starts. No allocation.
/// </summary>
public static class BeastWriter
{
    /// <summary>The most bytes one frame can take: 0x1a, type, and 21 bytes that may all be doubled.</summary>
    public const int MaxEncodedLength = 2 + (2 * (7 + 14));

    private const byte Escape = 0x1A;

    /// <summary>
    /// Writes one frame into <paramref name="buffer"/> at <paramref name="offset"/>.
    /// </summary>
    /// <param name="frame">The frame bytes.</param>
    /// <param name="frameOffset">Index of the frame's first byte.</param>
    /// <param name="frameLength">2 (Mode A/C), 7 or 14.</param>
    /// <param name="timestampTicks">12 MHz timestamp, 0 to 2^48 - 1 (0: none).</param>
    /// <param name="signalLevel">Signal byte, 0 to 255 (0: not measured).</param>
    /// <param name="buffer">Output; needs up to <see cref="MaxEncodedLength"/> bytes.</param>
    /// <param name="offset">Index of the first byte written.</param>
    /// <returns>Bytes written, or 0 (nothing usable written) for a bad length or value, or too little room.</returns>
    public static int Write(byte[] frame, int frameOffset, int frameLength, long timestampTicks, int signalLevel, byte[] buffer, int offset)
    {
        byte type;
        switch (frameLength)
        {
            case 2: type = (byte)'1'; break;
            case 7: type = (byte)'2'; break;
            case 14: type = (byte)'3'; break;
            default: return 0;
        }

        if (frame == null || buffer == null || timestampTicks < 0 || timestampTicks >= (1L << 48) || signalLevel < 0 || signalLevel > 255
            || frameOffset < 0 || frameOffset > frame.Length - frameLength || offset < 0 || offset > buffer.Length - 2)
        {
            return 0;
        }

        var end = buffer.Length;
        var i = offset;
        buffer[i++] = Escape;
        buffer[i++] = type;
        for (var shift = 40; shift >= 0; shift -= 8)
        {
            i = Put(buffer, i, end, (byte)(timestampTicks >> shift));
        }

        i = Put(buffer, i, end, (byte)signalLevel);
        for (var k = 0; k < frameLength; k++)
        {
            i = Put(buffer, i, end, frame[frameOffset + k]);
        }

        return i < 0 ? 0 : i - offset;
    }

    /// <summary>Writes one byte, doubled when it is 0x1a; returns the next index, or -1 once out of room.</summary>
    private static int Put(byte[] buffer, int index, int end, byte value)
    {
        if (index < 0 || index >= end)
        {
            return -1;
        }

        buffer[index++] = value;
        if (value != Escape)
        {
            return index;
        }

        if (index >= end)
        {
            return -1;
        }

        buffer[index++] = Escape;
        return index;
    }
}

namespace Picket.ModeS;

/// <summary>
/// Reads bit fields of a Mode S frame numbered the way ICAO Annex 10 Vol IV numbers them:
/// bit 1 is the most significant bit of the first byte, bit 112 the last bit of a long frame.
/// </summary>
public static class Bits
{
    /// <summary>
    /// Returns bits <paramref name="firstBit"/> to <paramref name="lastBit"/> (inclusive, 1-based,
    /// MSB first) of the frame starting at <paramref name="offset"/>, right-aligned.
    /// </summary>
    /// <param name="frame">The frame bytes.</param>
    /// <param name="offset">Index of the frame's first byte in <paramref name="frame"/>.</param>
    /// <param name="firstBit">First bit, 1 to 112.</param>
    /// <param name="lastBit">Last bit, <paramref name="firstBit"/> to <paramref name="firstBit"/> + 31.</param>
    /// <returns>The field, 0 to 2^(lastBit - firstBit + 1) - 1.</returns>
    public static uint GetBits(byte[] frame, int offset, int firstBit, int lastBit)
    {
        var firstByte = offset + ((firstBit - 1) >> 3);
        var lastByte = offset + ((lastBit - 1) >> 3);
        ulong window = 0;
        for (var i = firstByte; i <= lastByte; i++)
        {
            window = (window << 8) | frame[i];
        }

        // Bits after lastBit inside its byte are shifted out; bits before firstBit are masked.
        var trailing = 7 - ((lastBit - 1) & 7);
        var width = lastBit - firstBit + 1;
        return (uint)((window >> trailing) & ((1UL << width) - 1));
    }

    /// <summary>Returns bit <paramref name="bit"/> (1-based, MSB first) as true when set.</summary>
    public static bool GetBit(byte[] frame, int offset, int bit)
    {
        return ((frame[offset + ((bit - 1) >> 3)] >> (7 - ((bit - 1) & 7))) & 1) != 0;
    }

    /// <summary>Inverts bit <paramref name="bit"/> (1-based, MSB first) in place.</summary>
    public static void FlipBit(byte[] frame, int offset, int bit)
    {
        frame[offset + ((bit - 1) >> 3)] ^= (byte)(0x80 >> ((bit - 1) & 7));
    }

    /// <summary>
    /// Writes <paramref name="value"/> (right-aligned) into bits <paramref name="firstBit"/> to
    /// <paramref name="lastBit"/> (inclusive, 1-based, MSB first) of the frame at
    /// <paramref name="offset"/>; other bits are kept. Bits of the value above the field's width are ignored.
    /// </summary>
    /// <param name="frame">The frame bytes.</param>
    /// <param name="offset">Index of the frame's first byte in <paramref name="frame"/>.</param>
    /// <param name="firstBit">First bit, 1 to 112.</param>
    /// <param name="lastBit">Last bit, <paramref name="firstBit"/> to <paramref name="firstBit"/> + 31.</param>
    /// <param name="value">The field value.</param>
    public static void SetBits(byte[] frame, int offset, int firstBit, int lastBit, uint value)
    {
        // The field spans at most 5 bytes: read them into a window, replace the field's bits, write back.
        var firstByte = offset + ((firstBit - 1) >> 3);
        var lastByte = offset + ((lastBit - 1) >> 3);
        ulong window = 0;
        for (var i = firstByte; i <= lastByte; i++)
        {
            window = (window << 8) | frame[i];
        }

        var trailing = 7 - ((lastBit - 1) & 7);
        var mask = ((1UL << (lastBit - firstBit + 1)) - 1) << trailing;
        window = (window & ~mask) | (((ulong)value << trailing) & mask);
        for (var i = lastByte; i >= firstByte; i--)
        {
            frame[i] = (byte)window;
            window >>= 8;
        }
    }
}

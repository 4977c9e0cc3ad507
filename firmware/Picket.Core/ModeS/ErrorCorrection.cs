namespace Picket.ModeS;

/// <summary>
/// Corrects 1 or 2 flipped bits of a Mode S frame from its CRC syndrome. The syndrome of an
/// error pattern does not depend on the message (the code is linear), so a table maps each
/// syndrome of a single-bit (56 and 112-bit frames) and two-bit (112-bit frames) error to the
/// bits to flip. Syndromes shared by two patterns are marked ambiguous and never corrected.
/// </summary>
/// <remarks>
/// The downlink format bits 1-5 are never corrected: changing them would turn the frame into
/// another format whose parity means something else (the same rule readsb applies).
/// The single-bit tables are small (2 KB); the two-bit table of 112-bit frames (about 6,000
/// patterns, 96 KB) is built only when a caller first asks for two-bit correction, so the board,
/// which corrects one bit, never holds it.
/// </remarks>
public static class ErrorCorrection
{
    private const int SingleTableSize = 256;
    private const int DoubleTableSize = 16384;
    private const int FirstCorrectableBit = 6;
    private const ushort Ambiguous = 0xFFFF;

    private static readonly uint[] ShortKeys = new uint[SingleTableSize];
    private static readonly ushort[] ShortValues = new ushort[SingleTableSize];
    private static readonly uint[] LongKeys = new uint[SingleTableSize];
    private static readonly ushort[] LongValues = new ushort[SingleTableSize];
    private static readonly object DoubleTableLock = new object();
    private static uint[] _doubleKeys;
    private static ushort[] _doubleValues;

    static ErrorCorrection()
    {
        Build(56, false, ShortKeys, ShortValues);
        Build(112, false, LongKeys, LongValues);
    }

    /// <summary>
    /// Flips the bits whose error pattern has <paramref name="syndrome"/>, if there is exactly one
    /// such pattern of at most <paramref name="maxBits"/> bits.
    /// </summary>
    /// <param name="frame">The frame, corrected in place.</param>
    /// <param name="offset">Index of the frame's first byte.</param>
    /// <param name="lengthBytes">7 or 14.</param>
    /// <param name="syndrome">The frame's syndrome (<see cref="Crc24.Syndrome"/>), non-zero.</param>
    /// <param name="maxBits">1, or 2 (112-bit frames only).</param>
    /// <returns>The number of bits corrected (1 or 2), or 0 when the syndrome is not correctable.</returns>
    public static int TryCorrect(byte[] frame, int offset, int lengthBytes, uint syndrome, int maxBits)
    {
        var isLong = lengthBytes == 14;
        var value = Lookup(isLong ? LongKeys : ShortKeys, isLong ? LongValues : ShortValues, syndrome);
        if (value == 0 && isLong && maxBits >= 2)
        {
            EnsureDoubleTable();
            value = Lookup(_doubleKeys, _doubleValues, syndrome);
        }

        if (value == 0 || value == Ambiguous)
        {
            return 0;
        }

        var first = value & 0xFF;
        var second = value >> 8;
        var bits = second == 0 ? 1 : 2;
        if (bits > maxBits)
        {
            return 0;
        }

        Bits.FlipBit(frame, offset, first);
        if (second != 0)
        {
            Bits.FlipBit(frame, offset, second);
        }

        return bits;
    }

    private static void EnsureDoubleTable()
    {
        if (_doubleValues != null)
        {
            return;
        }

        lock (DoubleTableLock)
        {
            if (_doubleValues == null)
            {
                var keys = new uint[DoubleTableSize];
                var values = new ushort[DoubleTableSize];
                Build(112, true, keys, values);
                _doubleKeys = keys;
                _doubleValues = values;
            }
        }
    }

    private static ushort Lookup(uint[] keys, ushort[] values, uint syndrome)
    {
        var mask = keys.Length - 1;
        var slot = (int)((syndrome * 2654435761u) >> 18) & mask;
        while (keys[slot] != 0)
        {
            if (keys[slot] == syndrome)
            {
                return values[slot];
            }

            slot = (slot + 1) & mask;
        }

        return 0;
    }

    private static void Build(int lengthBits, bool twoBits, uint[] keys, ushort[] values)
    {
        var lengthBytes = lengthBits / 8;
        var single = new uint[lengthBits + 1];
        var frame = new byte[lengthBytes];
        for (var bit = FirstCorrectableBit; bit <= lengthBits; bit++)
        {
            Bits.FlipBit(frame, 0, bit);
            single[bit] = Crc24.Syndrome(frame, 0, lengthBytes);
            Bits.FlipBit(frame, 0, bit);
            if (!twoBits)
            {
                Insert(keys, values, single[bit], (ushort)bit);
            }
        }

        if (!twoBits)
        {
            return;
        }

        for (var first = FirstCorrectableBit; first < lengthBits; first++)
        {
            for (var second = first + 1; second <= lengthBits; second++)
            {
                Insert(keys, values, single[first] ^ single[second], (ushort)(first | (second << 8)));
            }
        }
    }

    private static void Insert(uint[] keys, ushort[] values, uint syndrome, ushort value)
    {
        var mask = keys.Length - 1;
        var slot = (int)((syndrome * 2654435761u) >> 18) & mask;
        while (keys[slot] != 0)
        {
            if (keys[slot] == syndrome)
            {
                values[slot] = Ambiguous;
                return;
            }

            slot = (slot + 1) & mask;
        }

        keys[slot] = syndrome;
        values[slot] = value;
    }
}

namespace Picket.Asterix;

/// <summary>Writes a record's FSPEC (ASTERIX Part 1, 4.3.1): 7 FRN bits per octet, bit 1 (FX) set on all but the last octet.</summary>
internal static class FieldSpecWriter
{
    /// <summary>True when FRN <paramref name="frn"/> (1-based) is set in <paramref name="frns"/> (bit FRN - 1).</summary>
    public static bool IsSet(long frns, int frn) => (frns & (1L << (frn - 1))) != 0;

    /// <summary>
    /// Writes the FSPEC for <paramref name="frns"/> at <paramref name="offset"/> with as many
    /// octets as the highest FRN needs (at least one). Returns the index after it, or -1 when it
    /// does not fit before <paramref name="end"/>.
    /// </summary>
    public static int Write(byte[] buffer, int offset, int end, long frns)
    {
        var octets = 1;
        for (var frn = 1; frn <= 56; frn++)
        {
            if (IsSet(frns, frn))
            {
                octets = ((frn - 1) / 7) + 1;
            }
        }

        if (offset < 0 || offset + octets > end)
        {
            return -1;
        }

        for (var octet = 0; octet < octets; octet++)
        {
            var value = octet < octets - 1 ? 1 : 0;
            for (var bit = 0; bit < 7; bit++)
            {
                value |= IsSet(frns, (octet * 7) + bit + 1) ? 0x80 >> bit : 0;
            }

            buffer[offset + octet] = (byte)value;
        }

        return offset + octets;
    }
}

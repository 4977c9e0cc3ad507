namespace Picket.ModeS;

/// <summary>
/// The Mode S parity code (ICAO Annex 10 Vol IV, 3.1.2.3.3): a 24-bit CRC with generator
/// polynomial 0x1FFF409, computed a byte at a time from a 256-entry table.
/// </summary>
public static class Crc24
{
    /// <summary>The generator without its x^24 term (Annex 10 Vol IV 3.1.2.3.3.1.2).</summary>
    public const uint Generator = 0xFFF409;

    private static readonly uint[] Table = BuildTable();

    /// <summary>
    /// The CRC of the first <paramref name="count"/> bytes at <paramref name="offset"/> (the data
    /// part of a frame, without its 24 parity bits).
    /// </summary>
    /// <returns>The 24-bit CRC, 0 to 0xFFFFFF.</returns>
    public static uint Compute(byte[] data, int offset, int count)
    {
        uint crc = 0;
        var end = offset + count;
        for (var i = offset; i < end; i++)
        {
            crc = ((crc << 8) ^ Table[((crc >> 16) ^ data[i]) & 0xFF]) & 0xFFFFFF;
        }

        return crc;
    }

    /// <summary>
    /// The syndrome of a whole frame: the CRC of its data bits XOR its last 24 bits. Zero for an
    /// intact DF11/17/18 frame with interrogator code 0; the interrogator or aircraft address
    /// for address/parity formats (DF0/4/5/16/20/21/24).
    /// </summary>
    /// <param name="frame">The frame bytes.</param>
    /// <param name="offset">Index of the frame's first byte.</param>
    /// <param name="lengthBytes">7 (56 bits) or 14 (112 bits).</param>
    /// <returns>0 to 0xFFFFFF.</returns>
    public static uint Syndrome(byte[] frame, int offset, int lengthBytes)
    {
        var dataBytes = lengthBytes - 3;
        var parity = ((uint)frame[offset + dataBytes] << 16) | ((uint)frame[offset + dataBytes + 1] << 8) | frame[offset + dataBytes + 2];
        return Compute(frame, offset, dataBytes) ^ parity;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i << 16;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x800000) != 0 ? (crc << 1) ^ Generator : crc << 1;
            }

            table[i] = crc & 0xFFFFFF;
        }

        return table;
    }
}

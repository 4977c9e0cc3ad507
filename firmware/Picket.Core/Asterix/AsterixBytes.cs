namespace Picket.Asterix;

/// <summary>Big-endian (network order, ASTERIX Part 1 section 4.2) reads and writes over caller-owned arrays; callers check bounds first.</summary>
internal static class AsterixBytes
{
    public static int ReadUInt16(byte[] buffer, int offset) => (buffer[offset] << 8) | buffer[offset + 1];

    public static int ReadUInt24(byte[] buffer, int offset) => (buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];

    public static int ReadInt16(byte[] buffer, int offset) => (short)ReadUInt16(buffer, offset);

    public static int ReadInt24(byte[] buffer, int offset) => SignExtend(ReadUInt24(buffer, offset), 24);

    /// <summary>Two's complement of the low <paramref name="bits"/> bits of <paramref name="value"/>.</summary>
    public static int SignExtend(int value, int bits)
    {
        var shift = 32 - bits;
        return (value << shift) >> shift;
    }

    public static void WriteUInt16(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 8);
        buffer[offset + 1] = (byte)value;
    }

    public static void WriteUInt24(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 16);
        buffer[offset + 1] = (byte)(value >> 8);
        buffer[offset + 2] = (byte)value;
    }
}

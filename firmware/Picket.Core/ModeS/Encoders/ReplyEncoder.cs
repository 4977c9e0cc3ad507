namespace Picket.ModeS.Encoders;

/// <summary>
/// Builds transponder replies to interrogations (ICAO Annex 10 Vol IV 3.1.2) into a
/// caller-owned buffer: DF11 all-call replies, DF4/DF5 surveillance replies and DF20/DF21
/// Comm-B replies. Address/parity formats overlay the address on the CRC (3.1.2.3.3.2), so the
/// receiver recovers the address from the parity. Each method returns the bytes written (7 or
/// 14), or 0 (buffer untouched) when a value is out of range. No allocation.
/// </summary>
public static class ReplyEncoder
{
    /// <summary>
    /// Encodes a DF11 all-call reply (3.1.2.5.2.2): CA, AA, and PI = CRC XOR the interrogator
    /// code (II or SI in the low 7 bits; 0 for an acquisition squitter).
    /// </summary>
    /// <param name="address">ICAO 24-bit address.</param>
    /// <param name="capability">CA, 0 to 7.</param>
    /// <param name="interrogatorCode">II (0 to 15) or SI (0 to 63) code, 0 for a squitter.</param>
    /// <param name="buffer">Output; 7 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>7, or 0 when a value is out of range.</returns>
    public static int EncodeAllCall(uint address, int capability, int interrogatorCode, byte[] buffer, int offset)
    {
        if (address > 0xFFFFFF || capability < 0 || capability > 7 || interrogatorCode < 0 || interrogatorCode > 63 || !Fits(buffer, offset, 7))
        {
            return 0;
        }

        Clear(buffer, offset, 7);
        Bits.SetBits(buffer, offset, 1, 5, 11); // 1-5: DF 11
        Bits.SetBits(buffer, offset, 6, 8, (uint)capability); // 6-8: CA
        Bits.SetBits(buffer, offset, 9, 32, address); // 9-32: AA
        Bits.SetBits(buffer, offset, 33, 56, Crc24.Compute(buffer, offset, 4) ^ (uint)interrogatorCode); // 33-56: PI
        return 7;
    }

    /// <summary>
    /// Encodes a DF4 altitude reply (short) or, with <paramref name="commB"/>, a DF20 Comm-B
    /// altitude reply (long).
    /// </summary>
    /// <param name="address">ICAO 24-bit address, overlaid on the parity.</param>
    /// <param name="header">FS, DR and UM.</param>
    /// <param name="altitudeCode">AC13 (<see cref="AltitudeCode.TryEncode13"/>), 0 = no altitude.</param>
    /// <param name="commB">True for DF20 with <paramref name="messageB"/>.</param>
    /// <param name="messageB">MB, 56 bits (DF20 only).</param>
    /// <param name="buffer">Output; 7 or 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>7 or 14, or 0 when a value is out of range.</returns>
    public static int EncodeAltitudeReply(uint address, ref ReplyHeader header, int altitudeCode, bool commB, ulong messageB, byte[] buffer, int offset)
    {
        return EncodeSurveillance(commB ? 20 : 4, address, ref header, altitudeCode, commB, messageB, buffer, offset);
    }

    /// <summary>
    /// Encodes a DF5 identity reply (short) or, with <paramref name="commB"/>, a DF21 Comm-B
    /// identity reply (long).
    /// </summary>
    /// <param name="address">ICAO 24-bit address, overlaid on the parity.</param>
    /// <param name="header">FS, DR and UM.</param>
    /// <param name="identityCode">The 13-bit ID field (<see cref="IdentityCode.Encode"/>).</param>
    /// <param name="commB">True for DF21 with <paramref name="messageB"/>.</param>
    /// <param name="messageB">MB, 56 bits (DF21 only).</param>
    /// <param name="buffer">Output; 7 or 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>7 or 14, or 0 when a value is out of range.</returns>
    public static int EncodeIdentityReply(uint address, ref ReplyHeader header, int identityCode, bool commB, ulong messageB, byte[] buffer, int offset)
    {
        return EncodeSurveillance(commB ? 21 : 5, address, ref header, identityCode, commB, messageB, buffer, offset);
    }

    private static int EncodeSurveillance(int downlinkFormat, uint address, ref ReplyHeader header, int code13, bool commB, ulong messageB, byte[] buffer, int offset)
    {
        var length = commB ? 14 : 7;
        if (address > 0xFFFFFF || code13 < 0 || code13 > 0x1FFF || header.FlightStatus < 0 || header.FlightStatus > 7
            || header.DownlinkRequest < 0 || header.DownlinkRequest > 31 || header.UtilityMessage < 0 || header.UtilityMessage > 63
            || !Fits(buffer, offset, length))
        {
            return 0;
        }

        Clear(buffer, offset, length);
        Bits.SetBits(buffer, offset, 1, 5, (uint)downlinkFormat); // 1-5: DF
        Bits.SetBits(buffer, offset, 6, 8, (uint)header.FlightStatus); // 6-8: FS
        Bits.SetBits(buffer, offset, 9, 13, (uint)header.DownlinkRequest); // 9-13: DR
        Bits.SetBits(buffer, offset, 14, 19, (uint)header.UtilityMessage); // 14-19: UM
        Bits.SetBits(buffer, offset, 20, 32, (uint)code13); // 20-32: AC or ID
        if (commB)
        {
            Bits.SetBits(buffer, offset, 33, 60, (uint)(messageB >> 28) & 0xFFFFFFF); // 33-60: MB, first 28 bits
            Bits.SetBits(buffer, offset, 61, 88, (uint)messageB & 0xFFFFFFF); // 61-88: MB, last 28 bits
        }

        // 3.1.2.3.3.2: AP = CRC of the data bits XOR the aircraft address.
        var parityFirstBit = (length * 8) - 23;
        Bits.SetBits(buffer, offset, parityFirstBit, length * 8, Crc24.Compute(buffer, offset, length - 3) ^ address);
        return length;
    }

    private static bool Fits(byte[] buffer, int offset, int length)
    {
        return buffer != null && offset >= 0 && offset <= buffer.Length - length;
    }

    private static void Clear(byte[] buffer, int offset, int length)
    {
        for (var i = 0; i < length; i++)
        {
            buffer[offset + i] = 0;
        }
    }
}

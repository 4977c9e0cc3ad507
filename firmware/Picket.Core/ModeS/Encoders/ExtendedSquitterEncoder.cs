using Picket.ModeS.Cpr;

namespace Picket.ModeS.Encoders;

/// <summary>
/// Builds DF17 extended squitters (DO-260B 2.2.3.2) into a caller-owned buffer: identification
/// (TC 1-4), airborne position with barometric altitude (TC 9-18) and airborne velocity over
/// ground (TC 19 subtype 1). Each method writes all 14 bytes, parity included, and returns 14,
/// or 0 (buffer untouched) when a value is out of range. Bit numbers in comments are frame bits
/// (ME bit n = frame bit n + 32). No allocation.
/// </summary>
public static class ExtendedSquitterEncoder
{
    /// <summary>Bytes of an extended squitter.</summary>
    public const int LengthBytes = 14;

    /// <summary>
    /// Encodes an identification and category message (DO-260B 2.2.3.2.5).
    /// </summary>
    /// <param name="address">ICAO 24-bit address, 0 to 0xFFFFFF.</param>
    /// <param name="capability">CA, 0 to 7 (5: airborne, level 2+ transponder).</param>
    /// <param name="categorySet">Emitter category set: 1 = A (TC 4), 2 = B (TC 3), 3 = C (TC 2), 4 = D (TC 1).</param>
    /// <param name="category">Emitter category within the set, 0 to 7.</param>
    /// <param name="callsignCharacters">Eight 6-bit codes, first in bits 47-42 (<see cref="CallsignAlphabet.TryPack"/>).</param>
    /// <param name="buffer">Output; 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>14, or 0 when a value is out of range.</returns>
    public static int EncodeIdentification(uint address, int capability, int categorySet, int category, ulong callsignCharacters, byte[] buffer, int offset)
    {
        if (categorySet < 1 || categorySet > 4 || category < 0 || category > 7 || !Fits(address, capability, buffer, offset))
        {
            return 0;
        }

        WriteHeader(address, capability, 5 - categorySet, buffer, offset);
        Bits.SetBits(buffer, offset, 38, 40, (uint)category); // 38-40: emitter category
        Bits.SetBits(buffer, offset, 41, 64, (uint)(callsignCharacters >> 24)); // 41-64: characters 1-4
        Bits.SetBits(buffer, offset, 65, 88, (uint)(callsignCharacters & 0xFFFFFF)); // 65-88: characters 5-8
        return WriteParity(buffer, offset);
    }

    /// <summary>
    /// Encodes an airborne position with barometric altitude (DO-260B 2.2.3.2.3) from the raw
    /// fields: the form that reproduces a received message bit for bit.
    /// </summary>
    /// <param name="address">ICAO 24-bit address.</param>
    /// <param name="capability">CA, 0 to 7.</param>
    /// <param name="typeCode">TC 9 to 18 (NIC / NUCp; 9 is the best).</param>
    /// <param name="surveillanceStatus">SS, 0 to 3 (0: no condition).</param>
    /// <param name="nicSupplementB">NIC-B / single antenna flag.</param>
    /// <param name="altitudeCode">AC12 (<see cref="AltitudeCode.TryEncode12"/>), 0 = no altitude.</param>
    /// <param name="utcSynchronised">T, time synchronised to UTC.</param>
    /// <param name="format">F, CPR format: 0 even, 1 odd.</param>
    /// <param name="cprLatitude">Encoded latitude, 0 to 131,071.</param>
    /// <param name="cprLongitude">Encoded longitude, 0 to 131,071.</param>
    /// <param name="buffer">Output; 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>14, or 0 when a value is out of range.</returns>
    public static int EncodeAirbornePosition(uint address, int capability, int typeCode, int surveillanceStatus, bool nicSupplementB, int altitudeCode, bool utcSynchronised, int format, int cprLatitude, int cprLongitude, byte[] buffer, int offset)
    {
        if (typeCode < 9 || typeCode > 18 || surveillanceStatus < 0 || surveillanceStatus > 3 || altitudeCode < 0 || altitudeCode > 0xFFF
            || format < 0 || format > 1 || cprLatitude < 0 || cprLatitude > 0x1FFFF || cprLongitude < 0 || cprLongitude > 0x1FFFF
            || !Fits(address, capability, buffer, offset))
        {
            return 0;
        }

        WriteHeader(address, capability, typeCode, buffer, offset);
        Bits.SetBits(buffer, offset, 38, 39, (uint)surveillanceStatus); // 38-39: SS
        Bits.SetBits(buffer, offset, 40, 40, nicSupplementB ? 1u : 0u); // 40: NIC-B
        Bits.SetBits(buffer, offset, 41, 52, (uint)altitudeCode); // 41-52: altitude
        Bits.SetBits(buffer, offset, 53, 53, utcSynchronised ? 1u : 0u); // 53: T
        Bits.SetBits(buffer, offset, 54, 54, (uint)format); // 54: F
        Bits.SetBits(buffer, offset, 55, 71, (uint)cprLatitude); // 55-71: encoded latitude
        Bits.SetBits(buffer, offset, 72, 88, (uint)cprLongitude); // 72-88: encoded longitude
        return WriteParity(buffer, offset);
    }

    /// <summary>
    /// Encodes an airborne position from a position and a barometric altitude: CPR-encodes the
    /// position (<see cref="CprEncoder"/>) and the altitude in 25 ft steps; SS 0, NIC-B 0, T 0.
    /// </summary>
    /// <param name="address">ICAO 24-bit address.</param>
    /// <param name="capability">CA, 0 to 7.</param>
    /// <param name="typeCode">TC 9 to 18.</param>
    /// <param name="altitudeFeet">Barometric altitude, feet, -1,000 to 50,175.</param>
    /// <param name="latitude">Latitude, binary angle (2^32 = 360 degrees), -90 to 90 degrees.</param>
    /// <param name="longitude">Longitude, binary angle.</param>
    /// <param name="odd">True for the odd CPR format.</param>
    /// <param name="buffer">Output; 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>14, or 0 when a value is out of range.</returns>
    public static int EncodeAirbornePosition(uint address, int capability, int typeCode, int altitudeFeet, int latitude, int longitude, bool odd, byte[] buffer, int offset)
    {
        if (latitude > (1 << 30) || latitude < -(1 << 30) || !AltitudeCode.TryEncode12(altitudeFeet, out var altitudeCode))
        {
            return 0;
        }

        var format = odd ? 1 : 0;
        CprEncoder.EncodeAirborne(latitude, longitude, format, out var cprLatitude, out var cprLongitude);
        return EncodeAirbornePosition(address, capability, typeCode, 0, false, altitudeCode, false, format, cprLatitude, cprLongitude, buffer, offset);
    }

    /// <summary>
    /// Encodes an airborne velocity over ground, subsonic (TC 19 subtype 1, DO-260B 2.2.3.2.6.1).
    /// </summary>
    /// <param name="address">ICAO 24-bit address.</param>
    /// <param name="capability">CA, 0 to 7.</param>
    /// <param name="velocity">The velocity fields.</param>
    /// <param name="buffer">Output; 14 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Index of the first byte.</param>
    /// <returns>14, or 0 when a value is out of range.</returns>
    public static int EncodeVelocity(uint address, int capability, ref GroundVelocity velocity, byte[] buffer, int offset)
    {
        if (velocity.NacV < 0 || velocity.NacV > 7 || velocity.TurnIndicator < 0 || velocity.TurnIndicator > 3 || !Fits(address, capability, buffer, offset))
        {
            return 0;
        }

        WriteHeader(address, capability, 19, buffer, offset);
        Bits.SetBits(buffer, offset, 38, 40, 1); // 38-40: subtype 1, ground speed, subsonic
        Bits.SetBits(buffer, offset, 41, 41, velocity.IntentChange ? 1u : 0u); // 41: intent change flag
        Bits.SetBits(buffer, offset, 42, 42, velocity.IfrCapability ? 1u : 0u); // 42: IFR capability (reserved in version 2)
        Bits.SetBits(buffer, offset, 43, 45, (uint)velocity.NacV); // 43-45: NACv
        Bits.SetBits(buffer, offset, 46, 46, velocity.EastKnots < 0 ? 1u : 0u); // 46: direction, 1 = west
        Bits.SetBits(buffer, offset, 47, 56, SpeedField(velocity.EastKnots)); // 47-56: east-west speed
        Bits.SetBits(buffer, offset, 57, 57, velocity.NorthKnots < 0 ? 1u : 0u); // 57: direction, 1 = south
        Bits.SetBits(buffer, offset, 58, 67, SpeedField(velocity.NorthKnots)); // 58-67: north-south speed
        Bits.SetBits(buffer, offset, 68, 68, velocity.BarometricVerticalRate ? 1u : 0u); // 68: vertical rate source, 1 = baro
        Bits.SetBits(buffer, offset, 69, 69, velocity.HasVerticalRate && velocity.VerticalRateFeetPerMinute < 0 ? 1u : 0u); // 69: sign, 1 = down
        Bits.SetBits(buffer, offset, 70, 78, velocity.HasVerticalRate ? StepField(velocity.VerticalRateFeetPerMinute, 64, 511) : 0); // 70-78: rate
        Bits.SetBits(buffer, offset, 79, 80, (uint)velocity.TurnIndicator); // 79-80: reserved for turn indicator
        var difference = velocity.HasGeometricMinusBarometric ? velocity.GeometricMinusBarometricFeet : 0;
        Bits.SetBits(buffer, offset, 81, 81, difference < 0 ? 1u : 0u); // 81: sign, 1 = GNSS below baro
        Bits.SetBits(buffer, offset, 82, 88, velocity.HasGeometricMinusBarometric ? StepField(difference, 25, 127) : 0); // 82-88: difference
        return WriteParity(buffer, offset);
    }

    /// <summary>
    /// The 10-bit speed field: |knots| + 1, with 1,023 for anything above 1,021.5 kt
    /// (DO-260B table 2-22).
    /// </summary>
    private static uint SpeedField(int knots)
    {
        var magnitude = knots < 0 ? -(long)knots : knots;
        return magnitude > 1021 ? 1023u : (uint)magnitude + 1;
    }

    /// <summary>A "value plus one" field in <paramref name="step"/> units, rounded, saturating at <paramref name="maxField"/>.</summary>
    private static uint StepField(int value, int step, int maxField)
    {
        var magnitude = value < 0 ? -(long)value : value;
        var field = ((magnitude + (step / 2)) / step) + 1;
        return field > maxField ? (uint)maxField : (uint)field;
    }

    private static bool Fits(uint address, int capability, byte[] buffer, int offset)
    {
        return address <= 0xFFFFFF && capability >= 0 && capability <= 7 && buffer != null && offset >= 0 && offset <= buffer.Length - LengthBytes;
    }

    private static void WriteHeader(uint address, int capability, int typeCode, byte[] buffer, int offset)
    {
        for (var i = 0; i < LengthBytes; i++)
        {
            buffer[offset + i] = 0;
        }

        Bits.SetBits(buffer, offset, 1, 5, 17); // 1-5: DF 17
        Bits.SetBits(buffer, offset, 6, 8, (uint)capability); // 6-8: CA
        Bits.SetBits(buffer, offset, 9, 32, address); // 9-32: AA
        Bits.SetBits(buffer, offset, 33, 37, (uint)typeCode); // 33-37: TC
    }

    private static int WriteParity(byte[] buffer, int offset)
    {
        // Annex 10 Vol IV 3.1.2.3.3.2: DF17 parity is the plain CRC (no address overlay, II = 0).
        Bits.SetBits(buffer, offset, 89, 112, Crc24.Compute(buffer, offset, LengthBytes - 3)); // 89-112: PI
        return LengthBytes;
    }
}

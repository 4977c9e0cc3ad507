namespace Picket.ModeS.Cpr;

/// <summary>
/// Compact Position Reporting encoding of airborne positions (DO-260B appendix A.1.7.3, ICAO
/// Annex 10 Vol IV C.2.6.7) in integer arithmetic: positions are binary angles (2^32 = 360
/// degrees, signed), results the 17-bit fractions of a zone. With Dlat = 360 / (60 - i) degrees,
/// MOD(lat, Dlat) / Dlat is the fractional part of lat (60 - i) / 2^32, so every step is an exact
/// integer operation; rounding is the spec's floor(x + 1/2). Identical on every host.
/// </summary>
public static class CprEncoder
{
    private const long TwoTo32 = 1L << 32;
    private const long FractionMask = TwoTo32 - 1;
    private const int Mask17 = (1 << 17) - 1;

    /// <summary>
    /// Encodes an airborne position in the even (<paramref name="format"/> 0) or odd (1) format.
    /// </summary>
    /// <param name="latitude">Latitude, binary angle, -90 to 90 degrees (-2^30 to 2^30).</param>
    /// <param name="longitude">Longitude, binary angle (any turn; 2^32 = 360 degrees).</param>
    /// <param name="format">0 even, 1 odd.</param>
    /// <param name="cprLatitude">YZ, the encoded latitude, 0 to 131,071.</param>
    /// <param name="cprLongitude">XZ, the encoded longitude, 0 to 131,071.</param>
    public static void EncodeAirborne(int latitude, int longitude, int format, out int cprLatitude, out int cprLongitude)
    {
        // A.1.7.3 a-b: YZ = floor(2^17 MOD(lat, Dlat) / Dlat + 1/2), Dlat = 360 / (60 - i).
        var latitudeZones = 60 - format;
        var scaled = (long)latitude * latitudeZones;
        var zone = scaled >> 32;
        var yz = ((scaled & FractionMask) + (1L << 14)) >> 15;
        cprLatitude = (int)(yz & Mask17);

        // A.1.7.3 c: Rlat = Dlat (YZ / 2^17 + floor(lat / Dlat)), the latitude the receiver will
        // decode; NL is taken there, rounded the way CprDecoder rounds it, so both ends agree on NL.
        var numerator = ((zone << 17) + yz) << 15;
        var decodedLatitude = FloorDivide(numerator + (latitudeZones / 2), latitudeZones);
        var longitudeZones = LongitudeZones.Of((int)decodedLatitude) - format;
        if (longitudeZones < 1)
        {
            longitudeZones = 1;
        }

        // A.1.7.3 d-e: XZ = floor(2^17 MOD(lon, Dlon) / Dlon + 1/2), Dlon = 360 / max(NL(Rlat) - i, 1).
        var longitudeFraction = ((long)(uint)longitude * longitudeZones) & FractionMask;
        cprLongitude = (int)(((longitudeFraction + (1L << 14)) >> 15) & Mask17);
    }

    private static long FloorDivide(long numerator, long denominator)
    {
        var quotient = numerator / denominator;
        return (numerator % denominator != 0 && (numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
    }
}

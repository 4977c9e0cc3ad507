namespace Picket.ModeS.Cpr;

/// <summary>
/// Compact Position Reporting decoding (DO-260B appendix A.1.7, ICAO Annex 10 Vol IV C.2.6) in
/// integer arithmetic: positions are binary angles (2^32 = 360 degrees, signed), encoded
/// coordinates 17-bit fractions of a zone. Zone arithmetic is done in units of 2^-32 of a zone
/// so every division is exact up to one final rounding of the result (below 1e-7 degree);
/// identical on every host.
/// </summary>
public static class CprDecoder
{
    private const long TwoTo17 = 1L << 17;
    private const long TwoTo32 = 1L << 32;
    private const long QuarterTurn = 1L << 30;

    /// <summary>
    /// Global airborne decoding from an even and an odd frame (A.1.7.7). The result is the
    /// position of the newer frame.
    /// </summary>
    /// <param name="evenLatitude">Even frame's encoded latitude, 0 to 131,071.</param>
    /// <param name="evenLongitude">Even frame's encoded longitude.</param>
    /// <param name="oddLatitude">Odd frame's encoded latitude.</param>
    /// <param name="oddLongitude">Odd frame's encoded longitude.</param>
    /// <param name="oddIsNewer">True when the odd frame is the more recent.</param>
    /// <param name="latitude">Decoded latitude, binary angle.</param>
    /// <param name="longitude">Decoded longitude, binary angle.</param>
    /// <returns>False when the two frames lie in different NL zones (the aircraft crossed a zone boundary between them) or the latitude is out of range.</returns>
    public static bool TryDecodeGlobalAirborne(int evenLatitude, int evenLongitude, int oddLatitude, int oddLongitude, bool oddIsNewer, out int latitude, out int longitude)
    {
        return TryDecodeGlobal(evenLatitude, evenLongitude, oddLatitude, oddLongitude, oddIsNewer, false, 0, 0, out latitude, out longitude);
    }

    /// <summary>
    /// Global surface decoding (A.1.7.8): zones are a quarter of the airborne ones, so the pair
    /// gives four candidate positions; the one nearest the reference (the receiver) is taken.
    /// </summary>
    /// <param name="evenLatitude">Even frame's encoded latitude.</param>
    /// <param name="evenLongitude">Even frame's encoded longitude.</param>
    /// <param name="oddLatitude">Odd frame's encoded latitude.</param>
    /// <param name="oddLongitude">Odd frame's encoded longitude.</param>
    /// <param name="oddIsNewer">True when the odd frame is the more recent.</param>
    /// <param name="referenceLatitude">Receiver latitude, binary angle.</param>
    /// <param name="referenceLongitude">Receiver longitude, binary angle.</param>
    /// <param name="latitude">Decoded latitude, binary angle.</param>
    /// <param name="longitude">Decoded longitude, binary angle.</param>
    /// <returns>False when the frames lie in different NL zones.</returns>
    public static bool TryDecodeGlobalSurface(int evenLatitude, int evenLongitude, int oddLatitude, int oddLongitude, bool oddIsNewer, int referenceLatitude, int referenceLongitude, out int latitude, out int longitude)
    {
        return TryDecodeGlobal(evenLatitude, evenLongitude, oddLatitude, oddLongitude, oddIsNewer, true, referenceLatitude, referenceLongitude, out latitude, out longitude);
    }

    /// <summary>
    /// Local decoding of one frame against a reference position (A.1.7.5/6): valid only when the
    /// true position is within half a zone of the reference (about 180 NM airborne, 45 NM surface).
    /// </summary>
    /// <param name="cprLatitude">Encoded latitude.</param>
    /// <param name="cprLongitude">Encoded longitude.</param>
    /// <param name="format">0 even, 1 odd.</param>
    /// <param name="surface">True for a surface position.</param>
    /// <param name="referenceLatitude">Reference latitude, binary angle.</param>
    /// <param name="referenceLongitude">Reference longitude, binary angle.</param>
    /// <param name="latitude">Decoded latitude, binary angle.</param>
    /// <param name="longitude">Decoded longitude, binary angle.</param>
    /// <returns>False when the result is more than half a zone from the reference (the reference was not close enough).</returns>
    public static bool TryDecodeLocal(int cprLatitude, int cprLongitude, int format, bool surface, int referenceLatitude, int referenceLongitude, out int latitude, out int longitude)
    {
        longitude = 0;
        var scale = surface ? 4 : 1;
        var latitudeZones = (60 - format) * scale;
        var lat = NearestZonePosition(referenceLatitude, latitudeZones, cprLatitude);
        latitude = (int)lat;
        if (lat > QuarterTurn || lat < -QuarterTurn || !WithinHalfZone(lat - referenceLatitude, latitudeZones))
        {
            return false;
        }

        var longitudeZones = LongitudeZones.Of(latitude) - format;
        if (longitudeZones < 1)
        {
            longitudeZones = 1;
        }

        longitudeZones *= scale;
        var lon = NearestZonePosition(referenceLongitude, longitudeZones, cprLongitude);
        longitude = (int)(uint)lon;
        return WithinHalfZone((int)((uint)longitude - (uint)referenceLongitude), longitudeZones);
    }

    private static bool TryDecodeGlobal(int evenLatitude, int evenLongitude, int oddLatitude, int oddLongitude, bool oddIsNewer, bool surface, int referenceLatitude, int referenceLongitude, out int latitude, out int longitude)
    {
        latitude = 0;
        longitude = 0;
        var scale = surface ? 4 : 1;

        // Latitude index j = floor((59 YZ0 - 60 YZ1) / 2^17 + 1/2) (A.1.7.7 b).
        var j = FloorDivide((59L * evenLatitude) - (60L * oddLatitude) + (TwoTo17 / 2), TwoTo17);
        var latitudeEven = ZonePosition(Modulo(j, 60), evenLatitude, 60 * scale);
        var latitudeOdd = ZonePosition(Modulo(j, 59), oddLatitude, 59 * scale);
        if (surface)
        {
            // The surface latitude is in [0, 90): its twins are 90 degrees lower (southern hemisphere)
            // and, for exactly 0, 90 degrees higher (the pole).
            latitudeEven = NearestLatitude(latitudeEven, referenceLatitude);
            latitudeOdd = NearestLatitude(latitudeOdd, referenceLatitude);
        }
        else
        {
            // Southern latitudes come out as 270 to 360 degrees.
            latitudeEven = latitudeEven >= 3 * QuarterTurn ? latitudeEven - TwoTo32 : latitudeEven;
            latitudeOdd = latitudeOdd >= 3 * QuarterTurn ? latitudeOdd - TwoTo32 : latitudeOdd;
        }

        if (latitudeEven > QuarterTurn || latitudeEven < -QuarterTurn || latitudeOdd > QuarterTurn || latitudeOdd < -QuarterTurn)
        {
            return false;
        }

        var zones = LongitudeZones.Of((int)latitudeEven);
        if (zones != LongitudeZones.Of((int)latitudeOdd))
        {
            return false;
        }

        // Longitude index m = floor((XZ0 (NL - 1) - XZ1 NL) / 2^17 + 1/2) (A.1.7.7 d).
        var m = FloorDivide(((long)evenLongitude * (zones - 1)) - ((long)oddLongitude * zones) + (TwoTo17 / 2), TwoTo17);
        var newerZones = zones - (oddIsNewer ? 1 : 0);
        if (newerZones < 1)
        {
            newerZones = 1;
        }

        var lon = ZonePosition(Modulo(m, newerZones), oddIsNewer ? oddLongitude : evenLongitude, newerZones * scale);
        if (surface)
        {
            lon = NearestQuadrant(lon, referenceLongitude);
        }

        latitude = (int)(oddIsNewer ? latitudeOdd : latitudeEven);
        longitude = (int)(uint)lon;
        return true;
    }

    /// <summary>(zone + YZ / 2^17) zones of 2^32 / <paramref name="zonesPerTurn"/>, as a binary angle, rounded.</summary>
    private static long ZonePosition(long zone, int encoded, int zonesPerTurn)
    {
        var numerator = ((zone * TwoTo17) + encoded) << 15;
        return FloorDivide(numerator + (zonesPerTurn / 2), zonesPerTurn);
    }

    /// <summary>The position with encoded value <paramref name="encoded"/> in the zone nearest <paramref name="reference"/> (A.1.7.5 b).</summary>
    private static long NearestZonePosition(int reference, int zonesPerTurn, int encoded)
    {
        // Reference in units of 2^-32 zone: integer part = its zone, remainder = where in the zone.
        var scaled = (long)reference * zonesPerTurn;
        var zone = FloorDivide(scaled, TwoTo32);
        var remainder = scaled - (zone * TwoTo32);
        zone += FloorDivide(remainder - ((long)encoded << 15) + (TwoTo32 / 2), TwoTo32);
        return ZonePosition(zone, encoded, zonesPerTurn);
    }

    private static bool WithinHalfZone(long difference, int zonesPerTurn)
    {
        var halfZone = TwoTo32 / 2 / zonesPerTurn;
        return difference <= halfZone && difference >= -halfZone;
    }

    private static long NearestLatitude(long latitude, int reference)
    {
        var best = latitude;
        var bestDistance = long.MaxValue;
        for (var shift = -1; shift <= 1; shift++)
        {
            var candidate = latitude + (shift * QuarterTurn);
            if (candidate > QuarterTurn || candidate < -QuarterTurn)
            {
                continue;
            }

            var distance = candidate - reference;
            distance = distance < 0 ? -distance : distance;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best;
    }

    private static long NearestQuadrant(long longitude, int reference)
    {
        var best = longitude;
        var bestDistance = long.MaxValue;
        for (var quadrant = 0; quadrant < 4; quadrant++)
        {
            var candidate = (uint)(longitude + (quadrant * QuarterTurn));
            long distance = (int)(candidate - (uint)reference);
            distance = distance < 0 ? -distance : distance;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best;
    }

    private static long FloorDivide(long numerator, long denominator)
    {
        var quotient = numerator / denominator;
        return (numerator % denominator != 0 && (numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
    }

    private static long Modulo(long value, long modulus)
    {
        var result = value % modulus;
        return result < 0 ? result + modulus : result;
    }
}

namespace Picket.ModeS.Cpr;

/// <summary>
/// Distances between nearby positions on an equirectangular projection (longitude difference
/// scaled by the cosine of the mean latitude), in integers. Within the 450 NM of a receiver the
/// error against the great circle stays below 1 %, enough for plausibility checks.
/// </summary>
public static class FlatEarthDistance
{
    /// <summary>Binary angle units per nautical mile: 2^32 per 21,600 NM (one NM per arc minute).</summary>
    public const long UnitsPerNauticalMile = 198841;

    // round(cos(d degrees) * 32768) for d = 0..90 (0 capped to 32767): Q15.
    private static readonly short[] CosineQ15 =
    {
        32767, 32763, 32748, 32723, 32688, 32643, 32588, 32524, 32449, 32365, 32270, 32166, 32052,
        31928, 31795, 31651, 31499, 31336, 31164, 30983, 30792, 30592, 30382, 30163, 29935, 29698,
        29452, 29197, 28932, 28660, 28378, 28088, 27789, 27482, 27166, 26842, 26510, 26170, 25822,
        25466, 25102, 24730, 24351, 23965, 23571, 23170, 22763, 22348, 21926, 21498, 21063, 20622,
        20174, 19720, 19261, 18795, 18324, 17847, 17364, 16877, 16384, 15886, 15384, 14876, 14365,
        13848, 13328, 12803, 12275, 11743, 11207, 10668, 10126, 9580, 9032, 8481, 7927, 7371,
        6813, 6252, 5690, 5126, 4560, 3993, 3425, 2856, 2286, 1715, 1144, 572, 0,
    };

    /// <summary>Distance between two positions (binary angles), in 1/16 NM units, 0 to about 2^31.</summary>
    public static long SixteenthsNauticalMile(int latitude1, int longitude1, int latitude2, int longitude2)
    {
        var meanLatitude = ((long)latitude1 + latitude2) / 2;
        long dLatitude = (long)latitude2 - latitude1;
        long dLongitude = (int)((uint)longitude2 - (uint)longitude1);
        dLongitude = (dLongitude * Cosine(meanLatitude)) >> 15;

        // Scaled to 1/16 NM before squaring so the sum of squares fits 64 bits.
        var north = (dLatitude * 16) / UnitsPerNauticalMile;
        var east = (dLongitude * 16) / UnitsPerNauticalMile;
        return IntegerMath.SquareRoot((north * north) + (east * east));
    }

    /// <summary>cos of a binary-angle latitude (-90 to 90 degrees), Q15, by linear interpolation in a 1-degree table.</summary>
    public static int Cosine(long latitude)
    {
        var magnitude = latitude < 0 ? -latitude : latitude;

        // Whole degrees and the fraction of a degree in 1/65536 units.
        var degreesQ16 = (magnitude * 360 * 65536) >> 32;
        var degree = (int)(degreesQ16 >> 16);
        if (degree >= 90)
        {
            return 0;
        }

        var fraction = degreesQ16 & 0xFFFF;
        return (int)(CosineQ15[degree] + (((CosineQ15[degree + 1] - CosineQ15[degree]) * fraction) >> 16));
    }
}

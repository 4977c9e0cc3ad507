namespace Picket.ModeS.Cpr;

/// <summary>
/// NL(lat), the number of longitude zones at a latitude (DO-260B A.1.7.2 d, ICAO Annex 10 Vol IV
/// C.2.6.2): NL = floor(2 pi / arccos(1 - (1 - cos(pi / 30)) / cos^2(lat))). Computed from the
/// latitudes where NL steps down, worked out offline in double precision and stored as binary
/// angles, so the board needs no trigonometry.
/// </summary>
public static class LongitudeZones
{
    // Latitude (binary angle, 2^32 = 360 deg) from which NL is one less than the comment says; NL = 1 from 87 deg.
    private static readonly int[] Thresholds =
    {
        124917588, // NL 59 below 10.47047130 deg
        176907011, // NL 58 below 14.82817437 deg
        216970576, // NL 57 below 18.18626357 deg
        250890454, // NL 56 below 21.02939493 deg
        280903327, // NL 55 below 23.54504487 deg
        308154921, // NL 54 below 25.82924707 deg
        333325100, // NL 53 below 27.93898710 deg
        356856387, // NL 52 below 29.91135686 deg
        379055883, // NL 51 below 31.77209708 deg
        400147003, // NL 50 below 33.53993436 deg
        420298293, // NL 49 below 35.22899598 deg
        439640620, // NL 48 below 36.85025108 deg
        458278008, // NL 47 below 38.41241892 deg
        476294775, // NL 46 below 39.92256684 deg
        493760396, // NL 45 below 41.38651832 deg
        510732936, // NL 44 below 42.80914012 deg
        527261513, // NL 43 below 44.19454951 deg
        543388134, // NL 42 below 45.54626723 deg
        559149057, // NL 41 below 46.86733252 deg
        574575849, // NL 40 below 48.16039128 deg
        589696199, // NL 39 below 49.42776439 deg
        604534562, // NL 38 below 50.67150166 deg
        619112672, // NL 37 below 51.89342469 deg
        633449951, // NL 36 below 53.09516153 deg
        647563848, // NL 35 below 54.27817472 deg
        661470114, // NL 34 below 55.44378444 deg
        675183027, // NL 33 below 56.59318756 deg
        688715586, // NL 32 below 57.72747354 deg
        702079666, // NL 31 below 58.84763776 deg
        715286153, // NL 30 below 59.95459277 deg
        728345061, // NL 29 below 61.04917774 deg
        741265621, // NL 28 below 62.13216659 deg
        754056370, // NL 27 below 63.20427479 deg
        766725216, // NL 26 below 64.26616523 deg
        779279500, // NL 25 below 65.31845310 deg
        791726040, // NL 24 below 66.36171008 deg
        804071180, // NL 23 below 67.39646774 deg
        816320814, // NL 22 below 68.42322022 deg
        828480417, // NL 21 below 69.44242631 deg
        840555054, // NL 20 below 70.45451075 deg
        852549394, // NL 19 below 71.45986473 deg
        864467699, // NL 18 below 72.45884545 deg
        876313803, // NL 17 below 73.45177442 deg
        888091077, // NL 16 below 74.43893416 deg
        899802360, // NL 15 below 75.42056257 deg
        911449850, // NL 14 below 76.39684391 deg
        923034936, // NL 13 below 77.36789461 deg
        934557931, // NL 12 below 78.33374083 deg
        946017636, // NL 11 below 79.29428225 deg
        957410632, // NL 10 below 80.24923213 deg
        968730035, // NL 9 below 81.19801349 deg
        979963239, // NL 8 below 82.13956981 deg
        991087498, // NL 7 below 83.07199445 deg
        1002060438, // NL 6 below 83.99173563 deg
        1012796977, // NL 5 below 84.89166191 deg
        1023101967, // NL 4 below 85.75541621 deg
        1032407178, // NL 3 below 86.53536998 deg
        1037950430, // NL 2 below 87.00000000 deg
    };

    /// <summary>NL of <paramref name="latitude"/> (binary angle, -90 to 90 degrees): 1 to 59.</summary>
    public static int Of(int latitude)
    {
        var magnitude = latitude < 0 ? -(long)latitude : latitude;

        // Count the thresholds at or below |lat| by binary search; NL = 59 minus that count.
        var low = 0;
        var high = Thresholds.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (Thresholds[middle] <= magnitude)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return 59 - low;
    }
}

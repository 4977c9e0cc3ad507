namespace Picket.ModeS;

/// <summary>
/// Square root and bearing in integers, so velocity decoding gives the same bits on the board
/// and the Pi (no floating point, no maths library).
/// </summary>
public static class IntegerMath
{
    // round(atan(2^-i) / 360 degrees * 2^32): the CORDIC rotation angles as binary angles.
    private static readonly int[] AtanTable =
    {
        536870912, 316933406, 167458907, 85004756, 42667331, 21354465, 10679838, 5340245,
        2670163, 1335087, 667544, 333772, 166886, 83443, 41722, 20861, 10430, 5215, 2608, 1304,
        652, 326, 163, 81, 41, 20, 10, 5, 3, 1,
    };

    /// <summary>Floor of the square root of <paramref name="value"/> (0 to 2^62).</summary>
    public static long SquareRoot(long value)
    {
        if (value <= 0)
        {
            return 0;
        }

        long result = 0;
        long bit = 1L << 62;
        while (bit > value)
        {
            bit >>= 2;
        }

        while (bit != 0)
        {
            if (value >= result + bit)
            {
                value -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }

            bit >>= 2;
        }

        return result;
    }

    /// <summary>
    /// The bearing of the vector (<paramref name="east"/>, <paramref name="north"/>) clockwise
    /// from north, as a binary angle (2^32 = 360 degrees), by CORDIC vectoring to about 1e-8 degree.
    /// </summary>
    /// <param name="east">East component, |value| below 2^30.</param>
    /// <param name="north">North component, |value| below 2^30.</param>
    /// <returns>0 for the zero vector.</returns>
    public static uint Bearing(int east, int north)
    {
        // Scaled up so the shifted terms keep precision down to the last table entry.
        long x = (long)north << 24;
        long y = (long)east << 24;
        uint angle = 0;
        if (x < 0)
        {
            // Rotate by 180 degrees so vectoring starts inside its +-99 degree convergence range.
            x = -x;
            y = -y;
            angle = 0x80000000;
        }

        for (var i = 0; i < AtanTable.Length; i++)
        {
            var xShift = x >> i;
            var yShift = y >> i;
            if (y > 0)
            {
                x += yShift;
                y -= xShift;
                angle += (uint)AtanTable[i];
            }
            else if (y < 0)
            {
                x -= yShift;
                y += xShift;
                angle -= (uint)AtanTable[i];
            }
            else
            {
                break;
            }
        }

        return angle;
    }
}

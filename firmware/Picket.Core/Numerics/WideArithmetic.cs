namespace Picket.Numerics;

/// <summary>
/// 128-bit unsigned helpers built from 32-bit halves. The portable core cannot use
/// <c>Int128</c> or <c>Math.BigMul</c> (absent on nanoFramework), and 32 × 32 → 64-bit partial
/// products are exact on every host, which is what makes the results bit-identical.
/// </summary>
internal static class WideArithmetic
{
    private const ulong LowMask = 0xFFFFFFFFUL;

    /// <summary>Full product of two 64-bit magnitudes as a 128-bit value (high, low).</summary>
    public static void Multiply(ulong left, ulong right, out ulong high, out ulong low)
    {
        ulong left0 = left & LowMask;
        ulong left1 = left >> 32;
        ulong right0 = right & LowMask;
        ulong right1 = right >> 32;
        ulong product00 = left0 * right0;
        ulong product01 = left0 * right1;
        ulong product10 = left1 * right0;
        ulong product11 = left1 * right1;

        // At most 3 × (2^32 - 1): no carry is lost.
        ulong middle = (product00 >> 32) + (product01 & LowMask) + (product10 & LowMask);
        low = (middle << 32) | (product00 & LowMask);
        high = product11 + (product01 >> 32) + (product10 >> 32) + (middle >> 32);
    }

    /// <summary>Shifts a 128-bit value right by 0 to 127 bits.</summary>
    public static void ShiftRight(ref ulong high, ref ulong low, int shift)
    {
        if (shift == 0)
        {
            return;
        }

        if (shift < 64)
        {
            low = (low >> shift) | (high << (64 - shift));
            high >>= shift;
        }
        else
        {
            low = high >> (shift - 64);
            high = 0;
        }
    }

    /// <summary>Shifts a 128-bit value left by 0 to 127 bits (bits above 127 are discarded).</summary>
    public static void ShiftLeft(ref ulong high, ref ulong low, int shift)
    {
        if (shift == 0)
        {
            return;
        }

        if (shift < 64)
        {
            high = (high << shift) | (low >> (64 - shift));
            low <<= shift;
        }
        else
        {
            high = low << (shift - 64);
            low = 0;
        }
    }

    /// <summary>
    /// Floor of the square root of a 128-bit value (digit-by-digit, two input bits per step), so
    /// the result is exact: <c>r² ≤ value &lt; (r + 1)²</c>.
    /// </summary>
    public static ulong SquareRoot(ulong high, ulong low)
    {
        ulong root = 0;
        ulong remainderHigh = 0;
        ulong remainderLow = 0;
        for (int pair = 63; pair >= 0; pair--)
        {
            ulong twoBits = pair >= 32
                ? (high >> ((pair - 32) * 2)) & 3UL
                : (low >> (pair * 2)) & 3UL;

            // remainder = remainder * 4 + twoBits
            remainderHigh = (remainderHigh << 2) | (remainderLow >> 62);
            remainderLow = (remainderLow << 2) | twoBits;

            // trial = 4 * root + 1, as 128 bits (root < 2^64).
            ulong trialHigh = root >> 62;
            ulong trialLow = (root << 2) | 1UL;
            root <<= 1;
            if (remainderHigh > trialHigh || (remainderHigh == trialHigh && remainderLow >= trialLow))
            {
                ulong borrow = remainderLow < trialLow ? 1UL : 0UL;
                remainderLow -= trialLow;
                remainderHigh = remainderHigh - trialHigh - borrow;
                root |= 1UL;
            }
        }

        return root;
    }
}

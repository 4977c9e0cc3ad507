namespace Picket.Numerics;

/// <summary>
/// The one set of fixed-point primitives every Q-format in the core is built on. A value is a
/// signed 64-bit raw integer with an implied number of fraction bits.
/// <para>
/// Rounding rule (the only one in the core): round to nearest, ties away from zero, applied to
/// the magnitude, so positive and negative results round symmetrically and a long filter run
/// accumulates no sign-dependent bias.
/// </para>
/// <para>
/// Overflow rule: a result that does not fit saturates to <see cref="long.MaxValue"/> or
/// <see cref="long.MinValue"/> and increments the caller's counter; nothing ever wraps around.
/// </para>
/// </summary>
public static class FixedPoint
{
    /// <summary>
    /// <c>round(left × right / 2^shift)</c> through an exact 128-bit product.
    /// </summary>
    /// <param name="left">Raw left operand.</param>
    /// <param name="right">Raw right operand.</param>
    /// <param name="shift">Fraction bits to drop, 0 to 126.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>The rounded, saturated raw result.</returns>
    public static long MultiplyShift(long left, long right, int shift, ref int saturations)
    {
        bool negative = (left < 0) != (right < 0);

        // Negating long.MinValue leaves it unchanged, and its bit pattern read as ulong is 2^63,
        // the correct magnitude.
        ulong leftMagnitude = left < 0 ? (ulong)(-left) : (ulong)left;
        ulong rightMagnitude = right < 0 ? (ulong)(-right) : (ulong)right;
        WideArithmetic.Multiply(leftMagnitude, rightMagnitude, out ulong high, out ulong low);
        if (shift > 0)
        {
            AddHalfUnit(ref high, ref low, shift);
            WideArithmetic.ShiftRight(ref high, ref low, shift);
        }

        return ToSigned(high, low, negative, ref saturations);
    }

    /// <summary>
    /// <c>round(numerator × 2^shift / denominator)</c> by exact long division.
    /// A zero denominator saturates (and is counted) towards the numerator's sign.
    /// </summary>
    /// <param name="numerator">Raw numerator.</param>
    /// <param name="denominator">Raw denominator.</param>
    /// <param name="shift">Fraction bits to add, 0 to 62.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>The rounded, saturated raw quotient.</returns>
    public static long DivideShift(long numerator, long denominator, int shift, ref int saturations)
    {
        bool negative = (numerator < 0) != (denominator < 0);
        if (denominator == 0)
        {
            if (numerator == 0)
            {
                return 0;
            }

            saturations++;
            return numerator < 0 ? long.MinValue : long.MaxValue;
        }

        ulong numeratorMagnitude = numerator < 0 ? (ulong)(-numerator) : (ulong)numerator;
        ulong denominatorMagnitude = denominator < 0 ? (ulong)(-denominator) : (ulong)denominator;
        ulong quotient = numeratorMagnitude / denominatorMagnitude;
        ulong remainder = numeratorMagnitude % denominatorMagnitude;
        if (shift > 0 && (quotient >> (63 - shift)) != 0)
        {
            saturations++;
            return negative ? long.MinValue : long.MaxValue;
        }

        // Long division in chunks as wide as the denominator's leading zero bits: remainder is
        // below the denominator, so shifting it by that many bits cannot overflow, and one
        // hardware division yields that many quotient bits (one bit per step when the
        // denominator fills 63 bits, about two steps for a Q39.24 variance).
        ulong result = quotient;
        int freeBits = LeadingZeroCount(denominatorMagnitude);
        int remaining = shift;
        while (remaining > 0)
        {
            int step = remaining < freeBits ? remaining : freeBits;
            remainder <<= step;
            result = (result << step) | (remainder / denominatorMagnitude);
            remainder %= denominatorMagnitude;
            remaining -= step;
        }

        if ((remainder << 1) >= denominatorMagnitude)
        {
            result++;
        }

        return ToSigned(0, result, negative, ref saturations);
    }

    /// <summary>
    /// Square root of a non-negative raw value with <paramref name="fractionBits"/> fraction bits,
    /// in the same format, rounded to nearest. A negative input returns 0 and is counted.
    /// </summary>
    /// <param name="value">Raw value, ≥ 0.</param>
    /// <param name="fractionBits">Fraction bits of both input and result, 0 to 63.</param>
    /// <param name="saturations">Incremented for a negative input.</param>
    /// <returns>The raw square root.</returns>
    public static long SquareRoot(long value, int fractionBits, ref int saturations)
    {
        if (value <= 0)
        {
            if (value < 0)
            {
                saturations++;
            }

            return 0;
        }

        // sqrt(v / 2^f) × 2^f = sqrt(v × 2^f); two extra bits (×4 inside, /2 outside) give the
        // rounding bit.
        ulong high = 0;
        ulong low = (ulong)value;
        WideArithmetic.ShiftLeft(ref high, ref low, fractionBits + 2);
        ulong doubled = WideArithmetic.SquareRoot(high, low);
        return (long)((doubled >> 1) + (doubled & 1UL));
    }

    /// <summary>
    /// <c>sqrt(left² + right²)</c> in the operands' own format, from the exact 128-bit sum of
    /// squares (no intermediate overflow for any inputs), truncated towards zero (at most one
    /// unit below the exact value).
    /// </summary>
    /// <param name="left">Raw first component.</param>
    /// <param name="right">Raw second component (same format).</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw length.</returns>
    public static long Hypotenuse(long left, long right, ref int saturations)
    {
        ulong leftMagnitude = left < 0 ? (ulong)(-left) : (ulong)left;
        ulong rightMagnitude = right < 0 ? (ulong)(-right) : (ulong)right;
        WideArithmetic.Multiply(leftMagnitude, leftMagnitude, out ulong leftHigh, out ulong leftLow);
        WideArithmetic.Multiply(rightMagnitude, rightMagnitude, out ulong rightHigh, out ulong rightLow);
        ulong low = leftLow + rightLow;
        ulong high = leftHigh + rightHigh + (low < leftLow ? 1UL : 0UL);
        ulong root = WideArithmetic.SquareRoot(high, low);
        return ToSigned(0, root, false, ref saturations);
    }

    /// <summary>
    /// Converts a raw value between formats: <c>round(value × 2^(toBits - fromBits))</c>, saturated.
    /// </summary>
    /// <param name="value">Raw value.</param>
    /// <param name="fromBits">Fraction bits of the input, 0 to 63.</param>
    /// <param name="toBits">Fraction bits of the result, 0 to 63.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>The converted raw value.</returns>
    public static long Rescale(long value, int fromBits, int toBits, ref int saturations)
    {
        if (toBits >= fromBits)
        {
            return MultiplyShift(value, 1L << (toBits - fromBits), 0, ref saturations);
        }

        return MultiplyShift(value, 1, fromBits - toBits, ref saturations);
    }

    /// <summary>Adds two raw values of the same format, saturating.</summary>
    /// <param name="left">Raw left operand.</param>
    /// <param name="right">Raw right operand.</param>
    /// <param name="saturations">Incremented when the sum saturates.</param>
    /// <returns>The saturated sum.</returns>
    public static long Add(long left, long right, ref int saturations)
    {
        long sum = unchecked(left + right);

        // Overflow happened exactly when both operands share a sign the sum does not.
        if (((left ^ sum) & (right ^ sum)) < 0)
        {
            saturations++;
            return left < 0 ? long.MinValue : long.MaxValue;
        }

        return sum;
    }

    /// <summary>Subtracts two raw values of the same format, saturating.</summary>
    /// <param name="left">Raw minuend.</param>
    /// <param name="right">Raw subtrahend.</param>
    /// <param name="saturations">Incremented when the difference saturates.</param>
    /// <returns>The saturated difference.</returns>
    public static long Subtract(long left, long right, ref int saturations)
    {
        long difference = unchecked(left - right);
        if (((left ^ right) & (left ^ difference)) < 0)
        {
            saturations++;
            return left < 0 ? long.MinValue : long.MaxValue;
        }

        return difference;
    }

    private static void AddHalfUnit(ref ulong high, ref ulong low, int shift)
    {
        if (shift <= 64)
        {
            ulong half = 1UL << (shift - 1);
            ulong sum = low + half;
            if (sum < low)
            {
                high++;
            }

            low = sum;
        }
        else
        {
            high += 1UL << (shift - 65);
        }
    }

    private static int LeadingZeroCount(ulong value)
    {
        int count = 0;
        for (int width = 32; width > 0; width >>= 1)
        {
            if ((value >> (64 - width)) == 0)
            {
                count += width;
                value <<= width;
            }
        }

        return count;
    }

    private static long ToSigned(ulong high, ulong low, bool negative, ref int saturations)
    {
        ulong limit = negative ? 0x8000000000000000UL : 0x7FFFFFFFFFFFFFFFUL;
        if (high != 0 || low > limit)
        {
            saturations++;
            return negative ? long.MinValue : long.MaxValue;
        }

        return negative ? unchecked(-(long)low) : (long)low;
    }
}

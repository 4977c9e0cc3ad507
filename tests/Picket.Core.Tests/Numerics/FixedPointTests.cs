using System.Numerics;

namespace Picket.Numerics;

public class FixedPointTests
{
    // Reference: exact rational arithmetic in BigInteger, rounded half away from zero on the
    // magnitude (the documented rule), independent of the 32-bit-halves implementation.
    private static BigInteger RoundedQuotient(BigInteger numerator, BigInteger denominator)
    {
        bool negative = (numerator.Sign < 0) != (denominator.Sign < 0);
        BigInteger magnitude = BigInteger.Abs(numerator);
        BigInteger divisor = BigInteger.Abs(denominator);
        BigInteger quotient = BigInteger.DivRem(magnitude, divisor, out BigInteger remainder);
        if (remainder * 2 >= divisor)
        {
            quotient += 1;
        }

        return negative ? -quotient : quotient;
    }

    private static long NextLong(Random random, int bits)
    {
        long value = random.NextInt64() >> (63 - bits);
        return random.Next(2) == 0 ? value : -value;
    }

    [Fact]
    public void MultiplyShift_RandomOperands_MatchesExactRoundedProduct()
    {
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            int shift = random.Next(0, 64);
            long left = NextLong(random, random.Next(1, 64));
            long right = NextLong(random, random.Next(1, 64));
            BigInteger exact = RoundedQuotient(new BigInteger(left) * right, BigInteger.One << shift);
            int saturations = 0;
            long actual = FixedPoint.MultiplyShift(left, right, shift, ref saturations);
            if (exact > long.MaxValue || exact < long.MinValue)
            {
                Assert.Equal(1, saturations);
                Assert.Equal(exact.Sign > 0 ? long.MaxValue : long.MinValue, actual);
            }
            else
            {
                Assert.Equal(0, saturations);
                Assert.Equal((long)exact, actual);
            }
        }
    }

    [Fact]
    public void MultiplyShift_TiesAtHalf_RoundAwayFromZeroSymmetrically()
    {
        int saturations = 0;

        // 3 × 1 / 2 = 1.5 → 2 and -1.5 → -2; 5 / 4 = 1.25 → 1.
        Assert.Equal(2, FixedPoint.MultiplyShift(3, 1, 1, ref saturations));
        Assert.Equal(-2, FixedPoint.MultiplyShift(-3, 1, 1, ref saturations));
        Assert.Equal(1, FixedPoint.MultiplyShift(5, 1, 2, ref saturations));
        Assert.Equal(-1, FixedPoint.MultiplyShift(5, -1, 2, ref saturations));
        Assert.Equal(0, saturations);
    }

    [Fact]
    public void MultiplyShift_Overflow_SaturatesAndCounts()
    {
        int saturations = 0;
        Assert.Equal(long.MaxValue, Q31x32.Multiply(Q31x32.FromInteger(100_000), Q31x32.FromInteger(100_000), ref saturations));
        Assert.Equal(long.MinValue, Q31x32.Multiply(Q31x32.FromInteger(-100_000), Q31x32.FromInteger(100_000), ref saturations));
        Assert.Equal(long.MinValue, FixedPoint.MultiplyShift(long.MinValue, 1, 0, ref saturations));
        Assert.Equal(long.MaxValue, FixedPoint.MultiplyShift(long.MinValue, -1, 0, ref saturations));
        Assert.Equal(3, saturations);
    }

    [Fact]
    public void DivideShift_RandomOperands_MatchesExactRoundedQuotient()
    {
        var random = new Random(6);
        for (int i = 0; i < 20_000; i++)
        {
            int shift = random.Next(0, 63);
            long numerator = NextLong(random, random.Next(1, 64));
            long denominator = NextLong(random, random.Next(1, 64));
            if (denominator == 0)
            {
                continue;
            }

            BigInteger exact = RoundedQuotient(new BigInteger(numerator) << shift, denominator);
            int saturations = 0;
            long actual = FixedPoint.DivideShift(numerator, denominator, shift, ref saturations);
            if (exact > long.MaxValue || exact < long.MinValue)
            {
                Assert.Equal(1, saturations);
                Assert.Equal(exact.Sign > 0 ? long.MaxValue : long.MinValue, actual);
            }
            else if (saturations == 0)
            {
                Assert.Equal((long)exact, actual);
            }
            else
            {
                // The only tolerated early saturation is the one result of exactly -2^63.
                Assert.Equal(long.MinValue, exact);
            }
        }
    }

    [Fact]
    public void DivideShift_ByZero_SaturatesTowardsNumeratorSignAndCounts()
    {
        int saturations = 0;
        Assert.Equal(long.MaxValue, Q31x32.Divide(Q31x32.One, 0, ref saturations));
        Assert.Equal(long.MinValue, Q31x32.Divide(-Q31x32.One, 0, ref saturations));
        Assert.Equal(0, Q31x32.Divide(0, 0, ref saturations));
        Assert.Equal(2, saturations);
    }

    [Fact]
    public void SquareRoot_RandomValues_MatchesExactRoundedRoot()
    {
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++)
        {
            long value = random.NextInt64() >> random.Next(0, 62);
            int fractionBits = random.Next(0, 63);
            BigInteger scaled = (new BigInteger(value) << (fractionBits + 2));
            BigInteger floorRoot = FloorSquareRoot(scaled);
            BigInteger expected = (floorRoot >> 1) + (floorRoot & 1);
            int saturations = 0;
            Assert.Equal((long)expected, FixedPoint.SquareRoot(value, fractionBits, ref saturations));
            Assert.Equal(0, saturations);
        }
    }

    [Fact]
    public void SquareRoot_Negative_ReturnsZeroAndCounts()
    {
        int saturations = 0;
        Assert.Equal(0, Q31x32.SquareRoot(-Q31x32.One, ref saturations));
        Assert.Equal(1, saturations);
    }

    [Fact]
    public void Hypotenuse_RandomComponents_MatchesExactFloorRoot()
    {
        var random = new Random(8);
        for (int i = 0; i < 5_000; i++)
        {
            long left = NextLong(random, random.Next(1, 64));
            long right = NextLong(random, random.Next(1, 64));
            BigInteger expected = FloorSquareRoot(new BigInteger(left) * left + new BigInteger(right) * right);
            int saturations = 0;
            long actual = FixedPoint.Hypotenuse(left, right, ref saturations);
            if (expected > long.MaxValue)
            {
                Assert.Equal(long.MaxValue, actual);
                Assert.Equal(1, saturations);
            }
            else
            {
                Assert.Equal((long)expected, actual);
            }
        }
    }

    [Fact]
    public void AddAndSubtract_Overflow_SaturateAndCount()
    {
        int saturations = 0;
        Assert.Equal(long.MaxValue, FixedPoint.Add(long.MaxValue, 1, ref saturations));
        Assert.Equal(long.MinValue, FixedPoint.Add(long.MinValue, -1, ref saturations));
        Assert.Equal(long.MaxValue, FixedPoint.Subtract(long.MaxValue, -1, ref saturations));
        Assert.Equal(long.MinValue, FixedPoint.Subtract(long.MinValue, 1, ref saturations));
        Assert.Equal(4, saturations);
        Assert.Equal(-1, FixedPoint.Add(long.MaxValue, long.MinValue, ref saturations));
        Assert.Equal(4, saturations);
    }

    [Fact]
    public void FromMicroseconds_WholeAndFractionalSeconds_MatchExactValues()
    {
        int saturations = 0;
        Assert.Equal(Q31x32.One, Q31x32.FromMicroseconds(1_000_000, ref saturations));
        Assert.Equal(Q31x32.One * 3600, Q31x32.FromMicroseconds(3_600_000_000, ref saturations));

        // 1 µs = 2^32 / 10^6 = 4294.967296 → 4295.
        Assert.Equal(4295, Q31x32.FromMicroseconds(1, ref saturations));
        Assert.Equal(0, saturations);
    }

    [Fact]
    public void FromDegreesE7_FullRange_WithinOneUnitOfDoubleReference()
    {
        for (long degreesE7 = -1_800_000_000; degreesE7 <= 1_800_000_000; degreesE7 += 12_345_679)
        {
            int saturations = 0;
            long radians = Q2x61.FromDegreesE7(degreesE7, ref saturations);
            double expected = degreesE7 * 1e-7 * Math.PI / 180.0;

            // Double carries 53 bits; at 3 rad one Q2.61 unit is 2^-61 and double's own rounding
            // is 4.4e-16, so the comparison bound is double's, not ours.
            Assert.InRange(radians / Math.Pow(2, 61) - expected, -1e-15, 1e-15);
            Assert.Equal(degreesE7, Q2x61.ToDegreesE7(radians, ref saturations));
            Assert.Equal(0, saturations);
        }
    }

    private static BigInteger FloorSquareRoot(BigInteger value)
    {
        if (value.IsZero)
        {
            return 0;
        }

        BigInteger root = (BigInteger)Math.Sqrt((double)value);
        while (root * root > value)
        {
            root -= 1;
        }

        while ((root + 1) * (root + 1) <= value)
        {
            root += 1;
        }

        return root;
    }
}

namespace Picket.Numerics;

/// <summary>
/// Base-2 logarithm and negative exponential in integers, for the IMM's mode likelihoods
/// (which need ln s and exp(-NIS / 2)). Both are bit-serial (one squaring or one table factor
/// per result bit), so every host gets the same bits.
/// </summary>
public static class Transcendental
{
    /// <summary>log2(e) in Q2.61, rounded from a 70-digit bc computation.</summary>
    public const long Log2OfE = 3_326_628_274_461_080_623;

    /// <summary>ln(2) in Q2.61, rounded from the same computation.</summary>
    public const long NaturalLogOf2 = 1_598_288_580_650_331_957;

    private const int FractionBitsOfLogarithm = 32;

    // 2^(-2^-i) for i = 1..32 in Q2.61, rounded from a 70-digit bc computation.
    private static readonly long[] NegativeRootsOfTwo =
    {
        1_630_477_228_166_597_777, 1_938_975_120_585_633_119, 2_114_467_362_444_183_334, 2_208_082_830_398_904_710,
        2_256_433_548_376_752_231, 2_281_004_498_741_680_175, 2_293_390_127_607_705_865, 2_299_608_139_041_069_333,
        2_302_723_463_931_082_202, 2_304_282_708_666_154_017, 2_305_062_726_918_694_123, 2_305_452_835_055_301_000,
        2_305_647_913_881_075_917, 2_305_745_459_483_942_250, 2_305_794_233_832_946_518, 2_305_818_621_394_350_975,
        2_305_830_815_271_779_978, 2_305_836_912_234_676_322, 2_305_839_960_722_169_974, 2_305_841_484_967_428_172,
        2_305_842_247_090_435_114, 2_305_842_628_152_033_046, 2_305_842_818_682_855_627, 2_305_842_913_948_272_822,
        2_305_842_961_580_982_895, 2_305_842_985_397_338_300, 2_305_842_997_305_516_095, 2_305_843_003_259_605_016,
        2_305_843_006_236_649_482, 2_305_843_007_725_171_717, 2_305_843_008_469_432_834, 2_305_843_008_841_563_393,
    };

    /// <summary>
    /// log2 of a positive raw integer, in Q31.32 (subtract the value's own fraction bits × 2^32 to
    /// get the logarithm of the represented number). Error below 2^-30.
    /// </summary>
    /// <param name="value">Raw value, &gt; 0.</param>
    /// <param name="saturations">Incremented for a non-positive input.</param>
    /// <returns>Raw Q31.32 logarithm, or <see cref="long.MinValue"/> for value ≤ 0.</returns>
    public static long Log2(long value, ref int saturations)
    {
        if (value <= 0)
        {
            saturations++;
            return long.MinValue;
        }

        int integerPart = 62;
        while ((value >> integerPart) == 0)
        {
            integerPart--;
        }

        // Mantissa in [1, 2) as Q2.61.
        long mantissa = integerPart <= Q2x61.FractionBits
            ? value << (Q2x61.FractionBits - integerPart)
            : value >> (integerPart - Q2x61.FractionBits);
        long fraction = 0;
        int ignored = 0;
        for (int bit = FractionBitsOfLogarithm - 1; bit >= 0; bit--)
        {
            // Squaring doubles the logarithm: a mantissa reaching 2 means the next bit is 1.
            mantissa = FixedPoint.MultiplyShift(mantissa, mantissa, Q2x61.FractionBits, ref ignored);
            if (mantissa >= 2 * Q2x61.One)
            {
                mantissa >>= 1;
                fraction |= 1L << bit;
            }
        }

        return ((long)integerPart << FractionBitsOfLogarithm) | fraction;
    }

    /// <summary>e^(-x) for x ≥ 0, as 2^(-x log2 e). The exponent is carried to 2^-32, so the relative
    /// error is below 2e-10: ample for probabilities.</summary>
    /// <param name="value">x, raw Q31.32, ≥ 0 (negative inputs are treated as 0).</param>
    /// <returns>Raw Q2.61, in (0, 1]; 0 once e^(-x) drops below 2^-61.</returns>
    public static long ExpNegative(long value)
    {
        if (value <= 0)
        {
            return Q2x61.One;
        }

        int saturations = 0;
        long exponent = FixedPoint.MultiplyShift(value, Log2OfE, Q2x61.FractionBits, ref saturations);
        long integerPart = exponent >> FractionBitsOfLogarithm;
        if (integerPart > Q2x61.FractionBits || saturations != 0)
        {
            return 0;
        }

        long result = Q2x61.One;
        for (int i = 0; i < FractionBitsOfLogarithm; i++)
        {
            if ((exponent & (1L << (FractionBitsOfLogarithm - 1 - i))) != 0)
            {
                result = FixedPoint.MultiplyShift(result, NegativeRootsOfTwo[i], Q2x61.FractionBits, ref saturations);
            }
        }

        return result >> (int)integerPart;
    }
}

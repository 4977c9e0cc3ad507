using Picket.Numerics;

namespace Picket.Tracking.Life;

/// <summary>Natural logarithms in Q31.32 nats, from <see cref="Transcendental.Log2"/> (error below 2^-30 × ln 2).</summary>
internal static class LogarithmNats
{
    /// <summary>ln of a raw fixed-point value with <paramref name="fractionBits"/> fraction bits, Q31.32; <see cref="long.MinValue"/> for value ≤ 0.</summary>
    /// <param name="value">Raw value.</param>
    /// <param name="fractionBits">Its fraction bits, 0 to 62.</param>
    /// <returns>Raw Q31.32 natural logarithm.</returns>
    public static long Of(long value, int fractionBits)
    {
        int saturations = 0;
        long log2 = Transcendental.Log2(value, ref saturations);
        if (saturations != 0)
        {
            return long.MinValue;
        }

        log2 -= (long)fractionBits << Q31x32.FractionBits;
        return FixedPoint.MultiplyShift(log2, Transcendental.NaturalLogOf2, Q2x61.FractionBits, ref saturations);
    }

    /// <summary>ln of a positive integer, Q31.32.</summary>
    /// <param name="value">The integer, &gt; 0.</param>
    /// <returns>Raw Q31.32 natural logarithm.</returns>
    public static long OfInteger(long value) => Of(value, 0);
}

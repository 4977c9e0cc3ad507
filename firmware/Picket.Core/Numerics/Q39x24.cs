namespace Picket.Numerics;

/// <summary>
/// Signed Q39.24 fixed point in a <see cref="long"/>: value = raw / 2^24, range ±5.5e11,
/// resolution 6.0e-8. Used for covariance entries (m², m²/s, m²/s²): a variance of 1e11 m²
/// (a 316 km one-sigma) still fits with a factor five of headroom. Rounding and saturation follow
/// <see cref="FixedPoint"/>.
/// </summary>
public static class Q39x24
{
    /// <summary>Number of fraction bits.</summary>
    public const int FractionBits = 24;

    /// <summary>Raw value of 1.0.</summary>
    public const long One = 1L << FractionBits;

    /// <summary>Bits to drop when a Q39.24 value is multiplied by a Q31.32 value to give Q39.24.</summary>
    public const int ShiftForQ31x32Factor = Q31x32.FractionBits;

    /// <summary>Raw value of a whole number.</summary>
    /// <param name="value">Integer value, up to ±2^39.</param>
    /// <returns>Raw Q39.24 value.</returns>
    public static long FromInteger(long value) => value << FractionBits;

    /// <summary>Q39.24 value times a Q31.32 factor (e.g. a time step or a gain), in Q39.24.</summary>
    /// <param name="covariance">Raw Q39.24 value.</param>
    /// <param name="factor">Raw Q31.32 factor.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q39.24 product.</returns>
    public static long MultiplyByQ31x32(long covariance, long factor, ref int saturations) =>
        FixedPoint.MultiplyShift(covariance, factor, ShiftForQ31x32Factor, ref saturations);

    /// <summary>Converts a Q31.32 value to Q39.24 (rounded).</summary>
    /// <param name="value">Raw Q31.32 value.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q39.24 value.</returns>
    public static long FromQ31x32(long value, ref int saturations) =>
        FixedPoint.Rescale(value, Q31x32.FractionBits, FractionBits, ref saturations);
}

namespace Picket.Numerics;

/// <summary>
/// Signed Q2.61 fixed point in a <see cref="long"/>: value = raw / 2^61, range -4 to
/// 3.99999999999999999957, resolution 4.3e-19. Used for angles in radians (a whole circle fits
/// as ±π) and for dimensionless ratios such as sines and cosines, where geodesy at 450 km needs
/// far more than 32 fraction bits (2^-32 rad is 1.5 mm on the Earth's surface).
/// </summary>
public static class Q2x61
{
    /// <summary>Number of fraction bits.</summary>
    public const int FractionBits = 61;

    /// <summary>Raw value of 1.0.</summary>
    public const long One = 1L << FractionBits;

    /// <summary>π, rounded (from a 60-digit reference).</summary>
    public const long Pi = 7_244_019_458_077_122_842;

    /// <summary>π / 2, rounded.</summary>
    public const long HalfPi = 3_622_009_729_038_561_421;

    // π / (180 × 10^7) × 2^92, rounded: one unit of 1e-7 degree in radians with 31 spare bits so
    // the conversion loses nothing at the scale of Q2.61.
    private const long RadiansPerDegreeE7Shifted31 = 8_642_451_851_119_134_904;

    /// <summary>Radians (Q2.61) from an angle in units of 1e-7 degree.</summary>
    /// <param name="degreesE7">Angle, -1,800,000,000 to 1,800,000,000 (±180°).</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q2.61 radians.</returns>
    public static long FromDegreesE7(long degreesE7, ref int saturations) =>
        FixedPoint.MultiplyShift(degreesE7, RadiansPerDegreeE7Shifted31, 31, ref saturations);

    /// <summary>Angle in units of 1e-7 degree from radians (Q2.61), rounded to nearest.</summary>
    /// <param name="radians">Raw Q2.61 radians, ±π.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Angle in 1e-7 degree.</returns>
    public static long ToDegreesE7(long radians, ref int saturations) =>
        FixedPoint.DivideShift(radians, RadiansPerDegreeE7Shifted31, 31, ref saturations);

    /// <summary>Product of two Q2.61 values.</summary>
    /// <param name="left">Raw left operand.</param>
    /// <param name="right">Raw right operand.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q2.61 product.</returns>
    public static long Multiply(long left, long right, ref int saturations) =>
        FixedPoint.MultiplyShift(left, right, FractionBits, ref saturations);

    /// <summary>Quotient of two values of the same format, in Q2.61.</summary>
    /// <param name="numerator">Raw numerator.</param>
    /// <param name="denominator">Raw denominator (same format as the numerator).</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q2.61 quotient.</returns>
    public static long Divide(long numerator, long denominator, ref int saturations) =>
        FixedPoint.DivideShift(numerator, denominator, FractionBits, ref saturations);
}

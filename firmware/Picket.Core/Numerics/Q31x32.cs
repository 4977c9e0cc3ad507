namespace Picket.Numerics;

/// <summary>
/// Signed Q31.32 fixed point in a <see cref="long"/>: value = raw / 2^32, range
/// -2,147,483,648 to 2,147,483,647.99999999977, resolution 2.3e-10. Used for track state
/// (metres, metres per second), time intervals (seconds) and Kalman gains. Rounding and
/// saturation follow <see cref="FixedPoint"/>.
/// </summary>
public static class Q31x32
{
    /// <summary>Number of fraction bits.</summary>
    public const int FractionBits = 32;

    /// <summary>Raw value of 1.0.</summary>
    public const long One = 1L << FractionBits;

    /// <summary>Microseconds per second, the time base of every timestamp in the core.</summary>
    public const long MicrosecondsPerSecond = 1_000_000;

    /// <summary>Raw value of a whole number (exact for the whole range of <see cref="int"/>).</summary>
    /// <param name="value">Integer value.</param>
    /// <returns>Raw Q31.32 value.</returns>
    public static long FromInteger(int value) => (long)value << FractionBits;

    /// <summary>Raw value of <paramref name="numerator"/> / <paramref name="denominator"/>, rounded.</summary>
    /// <param name="numerator">Integer numerator.</param>
    /// <param name="denominator">Integer denominator, non-zero.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q31.32 value.</returns>
    public static long FromRatio(long numerator, long denominator, ref int saturations) =>
        FixedPoint.DivideShift(numerator, denominator, FractionBits, ref saturations);

    /// <summary>Seconds in Q31.32 from integer microseconds, rounded to the nearest 2^-32 s.</summary>
    /// <param name="microseconds">Interval in microseconds; up to ±2^31 s fits.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q31.32 seconds.</returns>
    public static long FromMicroseconds(long microseconds, ref int saturations) =>
        FixedPoint.DivideShift(microseconds, MicrosecondsPerSecond, FractionBits, ref saturations);

    /// <summary>Product of two Q31.32 values.</summary>
    /// <param name="left">Raw left operand.</param>
    /// <param name="right">Raw right operand.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>Raw Q31.32 product.</returns>
    public static long Multiply(long left, long right, ref int saturations) =>
        FixedPoint.MultiplyShift(left, right, FractionBits, ref saturations);

    /// <summary>Quotient of two Q31.32 values.</summary>
    /// <param name="numerator">Raw numerator.</param>
    /// <param name="denominator">Raw denominator.</param>
    /// <param name="saturations">Incremented when the result saturates (including division by zero).</param>
    /// <returns>Raw Q31.32 quotient.</returns>
    public static long Divide(long numerator, long denominator, ref int saturations) =>
        FixedPoint.DivideShift(numerator, denominator, FractionBits, ref saturations);

    /// <summary>Square root of a non-negative Q31.32 value.</summary>
    /// <param name="value">Raw value, ≥ 0 (negative counts as a saturation and returns 0).</param>
    /// <param name="saturations">Incremented for a negative input.</param>
    /// <returns>Raw Q31.32 square root.</returns>
    public static long SquareRoot(long value, ref int saturations) =>
        FixedPoint.SquareRoot(value, FractionBits, ref saturations);

    /// <summary>Rounds a Q31.32 value to the nearest integer multiple of 1/<paramref name="unitsPerOne"/>
    /// (e.g. 1000 for millimetres from metres), ties away from zero.</summary>
    /// <param name="value">Raw Q31.32 value.</param>
    /// <param name="unitsPerOne">Scale, 1 to 2^31.</param>
    /// <param name="saturations">Incremented when the result saturates.</param>
    /// <returns>The scaled integer.</returns>
    public static long ToScaledInteger(long value, long unitsPerOne, ref int saturations) =>
        FixedPoint.MultiplyShift(value, unitsPerOne, FractionBits, ref saturations);
}

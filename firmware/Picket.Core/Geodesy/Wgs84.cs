using Picket.Numerics;

namespace Picket.Geodesy;

/// <summary>
/// WGS84 ellipsoid constants (NIMA TR8350.2, table 3.1: a = 6,378,137 m,
/// 1/f = 298.257223563) and the radii of curvature derived from them, in integers.
/// </summary>
public static class Wgs84
{
    /// <summary>Semi-major axis, Q31.32 metres (6,378,137 m).</summary>
    public const long SemiMajorAxis = 6_378_137L << 32;

    /// <summary>First eccentricity squared e² = f(2 - f), Q2.61 (0.00669437999014...), from an 80-digit bc computation.</summary>
    public const long EccentricitySquared = 15_436_189_301_287_393;

    /// <summary>1 - e², Q2.61, from the same computation.</summary>
    public const long OneMinusEccentricitySquared = 2_290_406_819_912_406_559;

    /// <summary>
    /// Prime-vertical radius N = a / sqrt(1 - e² sin²φ) and meridional radius
    /// M = N (1 - e²) / (1 - e² sin²φ) at a latitude.
    /// </summary>
    /// <param name="sineLatitude">Raw Q2.61 sine of the geodetic latitude.</param>
    /// <param name="primeVertical">Raw Q31.32 metres, N.</param>
    /// <param name="meridional">Raw Q31.32 metres, M.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public static void RadiiOfCurvature(long sineLatitude, out long primeVertical, out long meridional, ref int saturations)
    {
        long sineSquared = Q2x61.Multiply(sineLatitude, sineLatitude, ref saturations);
        long denominator = Q2x61.One - Q2x61.Multiply(EccentricitySquared, sineSquared, ref saturations);
        long root = FixedPoint.SquareRoot(denominator, Q2x61.FractionBits, ref saturations);
        primeVertical = FixedPoint.DivideShift(SemiMajorAxis, root, Q2x61.FractionBits, ref saturations);
        long scaled = FixedPoint.MultiplyShift(primeVertical, OneMinusEccentricitySquared, Q2x61.FractionBits, ref saturations);
        meridional = FixedPoint.DivideShift(scaled, denominator, Q2x61.FractionBits, ref saturations);
    }

    /// <summary>
    /// Prime-vertical radius N alone (see <see cref="RadiiOfCurvature"/>).
    /// </summary>
    /// <param name="sineLatitude">Raw Q2.61 sine of the geodetic latitude.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    /// <returns>Raw Q31.32 metres.</returns>
    public static long PrimeVerticalRadius(long sineLatitude, ref int saturations)
    {
        long sineSquared = Q2x61.Multiply(sineLatitude, sineLatitude, ref saturations);
        long denominator = Q2x61.One - Q2x61.Multiply(EccentricitySquared, sineSquared, ref saturations);
        long root = FixedPoint.SquareRoot(denominator, Q2x61.FractionBits, ref saturations);
        return FixedPoint.DivideShift(SemiMajorAxis, root, Q2x61.FractionBits, ref saturations);
    }
}

using Picket.Numerics;

namespace Picket.Geodesy;

// Slant range to ground range on the plane's sphere (radar plots).
public sealed partial class MastPlane
{
    /// <summary>
    /// Ground range (arc length on the plane's sphere) of a target from its slant range, for a
    /// sensor at the mast: sin(γ/2) = sqrt((ρ - Δh)(ρ + Δh) / (4 (R + h_s)(R + h_t))).
    /// </summary>
    /// <param name="slantRangeMetres">Measured slant range, Q31.32 metres.</param>
    /// <param name="sensorHeightMetres">Sensor height above the ellipsoid, Q31.32 metres.</param>
    /// <param name="targetHeightMetres">Best known target height above the ellipsoid, Q31.32 metres.</param>
    /// <param name="sineAzimuth">Q2.61 sine of the measured azimuth (clockwise from north).</param>
    /// <param name="cosineAzimuth">Q2.61 cosine of the measured azimuth.</param>
    /// <param name="groundRangeMetres">Ground range, Q31.32 metres.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    /// <returns>False when the slant range is shorter than the height difference (no geometry fits).</returns>
    public bool TryGroundRange(long slantRangeMetres, long sensorHeightMetres, long targetHeightMetres, long sineAzimuth, long cosineAzimuth, out long groundRangeMetres, ref int saturations)
    {
        long heightDifference = targetHeightMetres - sensorHeightMetres;
        long shorter = slantRangeMetres - (heightDifference < 0 ? -heightDifference : heightDifference);
        if (shorter < 0)
        {
            groundRangeMetres = 0;
            return false;
        }

        long longer = slantRangeMetres + (heightDifference < 0 ? -heightDifference : heightDifference);
        long radius = SectionRadius(sineAzimuth, cosineAzimuth, ref saturations);
        long first = FixedPoint.DivideShift(shorter, 2 * (radius + sensorHeightMetres), Q2x61.FractionBits, ref saturations);
        long second = FixedPoint.DivideShift(longer, 2 * (radius + targetHeightMetres), Q2x61.FractionBits, ref saturations);
        long halfSineSquared = Q2x61.Multiply(first, second, ref saturations);
        if (halfSineSquared > Q2x61.One)
        {
            groundRangeMetres = 0;
            return false;
        }

        long halfSine = FixedPoint.SquareRoot(halfSineSquared, Q2x61.FractionBits, ref saturations);
        long halfCosine = FixedPoint.SquareRoot(Q2x61.One - halfSineSquared, Q2x61.FractionBits, ref saturations);
        long halfAngle = Trigonometry.Atan2(halfSine, halfCosine);
        groundRangeMetres = 2 * FixedPoint.MultiplyShift(radius, halfAngle, Q2x61.FractionBits, ref saturations);
        return true;
    }

    /// <summary>
    /// Variance of the ground range of a plot placed with a height: the slant range's and the
    /// height's sigmas carried through the geometry by central differences, ((g(ρ+σρ, h) -
    /// g(ρ-σρ, h))/2)² + ((g(ρ, h-σh) - g(ρ, h+σh))/2)². Far out that is σρ² plus a little
    /// (dg/dρ = ρ/g ≈ 1); near the radar's zenith, where dg/dρ = ρ/g and dg/dh = Δh/g grow without
    /// limit, it stays bounded: an edge no geometry fits (a height above the slant range) counts as
    /// ground range 0. An FL400 target 1 km from the mast in ground range is 12.2 km away in slant
    /// range: a 300 m height error moves its ground range by kilometres.
    /// </summary>
    /// <param name="slantRangeMetres">Measured slant range, Q31.32 metres.</param>
    /// <param name="sensorHeightMetres">Sensor height above the ellipsoid, Q31.32 metres.</param>
    /// <param name="targetHeightMetres">The height the plot is placed with, Q31.32 metres.</param>
    /// <param name="sigmaSlantRangeMetres">Slant range sigma, Q31.32 metres.</param>
    /// <param name="sigmaHeightMetres">Sigma of that height, Q31.32 metres.</param>
    /// <param name="sineAzimuth">Q2.61 sine of the measured azimuth.</param>
    /// <param name="cosineAzimuth">Q2.61 cosine of the measured azimuth.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    /// <returns>The ground range variance, Q39.24 m².</returns>
    public long GroundRangeVariance(long slantRangeMetres, long sensorHeightMetres, long targetHeightMetres, long sigmaSlantRangeMetres, long sigmaHeightMetres, long sineAzimuth, long cosineAzimuth, ref int saturations)
    {
        long rangeSpread = GroundOrZero(slantRangeMetres + sigmaSlantRangeMetres, sensorHeightMetres, targetHeightMetres, sineAzimuth, cosineAzimuth, ref saturations)
            - GroundOrZero(slantRangeMetres - sigmaSlantRangeMetres, sensorHeightMetres, targetHeightMetres, sineAzimuth, cosineAzimuth, ref saturations);
        long heightSpread = GroundOrZero(slantRangeMetres, sensorHeightMetres, targetHeightMetres - sigmaHeightMetres, sineAzimuth, cosineAzimuth, ref saturations)
            - GroundOrZero(slantRangeMetres, sensorHeightMetres, targetHeightMetres + sigmaHeightMetres, sineAzimuth, cosineAzimuth, ref saturations);

        // (spread / 2)²: Q31.32 × Q31.32 is Q62.64; shifting by 42 leaves Q39.24 divided by 4.
        return FixedPoint.MultiplyShift(rangeSpread, rangeSpread, 42, ref saturations)
            + FixedPoint.MultiplyShift(heightSpread, heightSpread, 42, ref saturations);
    }

    private long GroundOrZero(long slantRangeMetres, long sensorHeightMetres, long targetHeightMetres, long sineAzimuth, long cosineAzimuth, ref int saturations) =>
        TryGroundRange(slantRangeMetres, sensorHeightMetres, targetHeightMetres, sineAzimuth, cosineAzimuth, out long ground, ref saturations) ? ground : 0;

    /// <summary>
    /// Ground range for a plot with no measured height (primary radar, no Mode C): the target is
    /// assumed somewhere in a height band, uniformly, so the result is the middle of the ground
    /// ranges at the band's edges and the extra range variance is that spread²/12. At 30 km an
    /// FL300 target is 0.5-2 km off in ground range if height is ignored, hence the band.
    /// </summary>
    /// <param name="slantRangeMetres">Measured slant range, Q31.32 metres.</param>
    /// <param name="sensorHeightMetres">Sensor height above the ellipsoid, Q31.32 metres.</param>
    /// <param name="lowestHeightMetres">Bottom of the assumed band, Q31.32 metres.</param>
    /// <param name="highestHeightMetres">Top of the assumed band, Q31.32 metres.</param>
    /// <param name="sineAzimuth">Q2.61 sine of the measured azimuth.</param>
    /// <param name="cosineAzimuth">Q2.61 cosine of the measured azimuth.</param>
    /// <param name="groundRangeMetres">Middle ground range, Q31.32 metres.</param>
    /// <param name="extraRangeVariance">Variance to add to the range noise, Q39.24 m².</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    /// <returns>False when the slant range cannot reach the band's lowest height difference.</returns>
    public bool TryGroundRangeInHeightBand(long slantRangeMetres, long sensorHeightMetres, long lowestHeightMetres, long highestHeightMetres, long sineAzimuth, long cosineAzimuth, out long groundRangeMetres, out long extraRangeVariance, ref int saturations)
    {
        groundRangeMetres = 0;
        extraRangeVariance = 0;
        if (!TryGroundRange(slantRangeMetres, sensorHeightMetres, lowestHeightMetres, sineAzimuth, cosineAzimuth, out long lowGround, ref saturations))
        {
            return false;
        }

        // A slant range shorter than the band's top: the target can be no higher than it, so the
        // band's top edge is where ground range reaches zero.
        long topGround;
        long top = highestHeightMetres - sensorHeightMetres < slantRangeMetres ? highestHeightMetres : sensorHeightMetres + slantRangeMetres;
        if (!TryGroundRange(slantRangeMetres, sensorHeightMetres, top, sineAzimuth, cosineAzimuth, out topGround, ref saturations))
        {
            topGround = 0;
        }

        groundRangeMetres = (lowGround + topGround) / 2;
        long spread = lowGround > topGround ? lowGround - topGround : topGround - lowGround;

        // spread² / 12: Q31.32 × Q31.32 is Q62.64; shifting by 40 leaves Q39.24.
        extraRangeVariance = FixedPoint.DivideShift(FixedPoint.MultiplyShift(spread, spread, 40, ref saturations), 12, 0, ref saturations);
        return true;
    }
}

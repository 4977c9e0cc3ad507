using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// A horizontal vector in the frame of a unit direction u = (sine, cosine) (east, north): its
/// component along u and across it, along w = (cosine, −sine). The frame of a radar's ray
/// (<see cref="TrackFilter.UpdateRadar"/>) and of a track's velocity (an ADS-B position's
/// lateness); <see cref="GaussianEstimate.PositionVariancesInFrame"/> is the covariance's.
/// </summary>
internal static class DirectionFrame
{
    /// <summary>(east, north) along (sine, cosine) and across it.</summary>
    /// <param name="east">Q31.32 m.</param>
    /// <param name="north">Q31.32 m.</param>
    /// <param name="sine">Q2.61 east component of the direction.</param>
    /// <param name="cosine">Q2.61 north component of the direction.</param>
    /// <param name="along">Q31.32 m along the direction.</param>
    /// <param name="across">Q31.32 m across it.</param>
    /// <param name="saturations">Incremented on fixed-point saturation.</param>
    public static void Project(long east, long north, long sine, long cosine, out long along, out long across, ref int saturations)
    {
        long sineEast = FixedPoint.MultiplyShift(sine, east, Q2x61.FractionBits, ref saturations);
        long cosineNorth = FixedPoint.MultiplyShift(cosine, north, Q2x61.FractionBits, ref saturations);
        long cosineEast = FixedPoint.MultiplyShift(cosine, east, Q2x61.FractionBits, ref saturations);
        long sineNorth = FixedPoint.MultiplyShift(sine, north, Q2x61.FractionBits, ref saturations);
        along = FixedPoint.Add(sineEast, cosineNorth, ref saturations);
        across = FixedPoint.Subtract(cosineEast, sineNorth, ref saturations);
    }
}

using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>
/// What every role reads of a track's horizontal state without touching its filter: the position
/// moved along its velocity to a time, the larger position variance predicted to a time, its
/// speed, and whether a velocity (or a difference of two) is significant against its covariance.
/// Q31.32 metres and metres per second, Q39.24 m².
/// </summary>
internal static class TrackKinematics
{
    // A track's position moved along its velocity to a time (no covariance): plane east and
    // north, Q31.32 m.
    public static void PredictedPosition(Track track, long time, out long east, out long north, ref int saturations)
    {
        long seconds = Q31x32.FromMicroseconds(time - track.Filter.TimeMicroseconds, ref saturations);
        long[] mean = track.Filter.Horizontal.Mean;
        east = mean[0] + Q31x32.Multiply(mean[2], seconds, ref saturations);
        north = mean[1] + Q31x32.Multiply(mean[3], seconds, ref saturations);
    }

    // Larger of the two position variances predicted to now (P_pp + 2 P_pv dt + P_vv dt², whole seconds).
    public static long PredictedPositionVariance(Track track, long now)
    {
        long seconds = (now - track.Filter.TimeMicroseconds) / Q31x32.MicrosecondsPerSecond;
        long largest = 0;
        for (int axis = 0; axis < 2; axis++)
        {
            long variance = track.Filter.Horizontal.CovarianceAt(axis, axis)
                + (2 * seconds * track.Filter.Horizontal.CovarianceAt(axis, axis + 2))
                + (seconds * seconds * track.Filter.Horizontal.CovarianceAt(axis + 2, axis + 2));
            if (variance > largest)
            {
                largest = variance;
            }
        }

        return largest;
    }

    public static long Speed(Track track)
    {
        int saturations = 0;
        return FixedPoint.Hypotenuse(track.Filter.Horizontal.Mean[2], track.Filter.Horizontal.Mean[3], ref saturations);
    }

    // True when a horizontal vector (east, north; Q31.32 m or m/s: a velocity, a position
    // difference) is significant against its covariance [a b; b c] (Q39.24) at the χ² given
    // (Q31.32): vᵀ P⁻¹ v ≥ χ², computed without division as c vₑ² − 2 b vₑ vₙ + a vₙ² ≥ χ² (a c − b²).
    // The products saturate for vectors of a few kilometres (their sum then wraps): velocities and
    // velocity differences only; a position difference takes ChiSquare.
    public static bool ChiSquareExceeds(long east, long north, long a, long b, long c, long chiSquare, ref int saturations)
    {
        // Q31.32 products shifted by 40 are Q39.24, the variances' format.
        long eastSquared = FixedPoint.MultiplyShift(east, east, 40, ref saturations);
        long northSquared = FixedPoint.MultiplyShift(north, north, 40, ref saturations);
        long cross = FixedPoint.MultiplyShift(east, north, 40, ref saturations);
        long weighted = FixedPoint.MultiplyShift(c, eastSquared, Q39x24.FractionBits, ref saturations)
            - (2 * FixedPoint.MultiplyShift(b, cross, Q39x24.FractionBits, ref saturations))
            + FixedPoint.MultiplyShift(a, northSquared, Q39x24.FractionBits, ref saturations);
        long determinant = FixedPoint.MultiplyShift(a, c, Q39x24.FractionBits, ref saturations) - FixedPoint.MultiplyShift(b, b, Q39x24.FractionBits, ref saturations);
        long threshold = FixedPoint.MultiplyShift(determinant, chiSquare, Q31x32.FractionBits, ref saturations);
        return determinant > 0 && weighted >= threshold;
    }

    // The χ² itself of a horizontal position difference (east, north; Q31.32 m) against its
    // covariance [a b; b c] (Q39.24 m²), Q31.32, where two are compared: vᵀ P⁻¹ v as
    // e² / a + (n − (b / a) e)² / (c − b² / a), whose terms stay in range for differences of tens
    // of kilometres (ChiSquareExceeds' products saturate beyond about 2 km at a few hundred
    // metres' sigma, and their sum wraps); long.MaxValue for a covariance not positive definite.
    public static long ChiSquare(long east, long north, long a, long b, long c, ref int saturations)
    {
        if (a <= 0)
        {
            return long.MaxValue;
        }

        long ratio = Q31x32.Divide(b, a, ref saturations);
        long residual = north - Q31x32.Multiply(ratio, east, ref saturations);
        long conditional = c - Q31x32.Multiply(ratio, b, ref saturations);
        if (conditional <= 0)
        {
            return long.MaxValue;
        }

        // Q31.32 products shifted by 40 are Q39.24, the variances' format.
        long eastSquared = FixedPoint.MultiplyShift(east, east, 40, ref saturations);
        long residualSquared = FixedPoint.MultiplyShift(residual, residual, 40, ref saturations);
        return Q31x32.Divide(eastSquared, a, ref saturations) + Q31x32.Divide(residualSquared, conditional, ref saturations);
    }
}

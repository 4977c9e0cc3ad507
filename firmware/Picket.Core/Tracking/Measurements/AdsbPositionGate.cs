using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>
/// The rule for ADS-B positions of an established track: a position whose NIS (the track's
/// predicted covariance plus the position's) is beyond the gate is an outlier (a bad position, a
/// CPR decode that slipped through with a bit error) and is dropped; several in a row that agree
/// with one another mean the aircraft really is elsewhere (a jump, a corrected navigator) and the
/// track restarts there. A reject that disagrees with the one before it starts a new run: an
/// outlier that happens to follow two rejects near the track (a late position beside it) is not
/// where the aircraft is, and restarting there would throw the track kilometres away.
/// </summary>
public static class AdsbPositionGate
{
    /// <summary>Decides on one position.</summary>
    /// <param name="nis">The position's NIS, Q31.32 (2 degrees of freedom).</param>
    /// <param name="gateNis">The gate, Q31.32.</param>
    /// <param name="consecutiveRejects">Positions of this track rejected in a row before this one.</param>
    /// <param name="rejectsBeforeRestart">Rejects in a row (this one included) that restart the track, ≥ 1.</param>
    /// <returns>The decision.</returns>
    public static AdsbGateDecision Decide(long nis, long gateNis, int consecutiveRejects, int rejectsBeforeRestart)
    {
        if (nis <= gateNis)
        {
            return AdsbGateDecision.Accept;
        }

        return consecutiveRejects + 1 >= rejectsBeforeRestart ? AdsbGateDecision.Restart : AdsbGateDecision.Reject;
    }

    /// <summary>
    /// True when a rejected position agrees with the position rejected before it, flown on along
    /// the track's velocity: the difference's squared length is within the gate of twice the
    /// position variance plus the velocity variance over the interval (per axis).
    /// </summary>
    /// <param name="east">The position, Q31.32 m.</param>
    /// <param name="north">Q31.32 m.</param>
    /// <param name="previousEast">The previous rejected position, Q31.32 m.</param>
    /// <param name="previousNorth">Q31.32 m.</param>
    /// <param name="seconds">Time from the previous rejected position to this one, Q31.32 s.</param>
    /// <param name="velocityEast">The track's velocity, Q31.32 m/s.</param>
    /// <param name="velocityNorth">Q31.32 m/s.</param>
    /// <param name="positionVariance">One position's variance per axis, Q39.24 m².</param>
    /// <param name="velocityVariance">The track's velocity variance per axis, Q39.24 m²/s².</param>
    /// <param name="gateNis">The gate, Q31.32 (2 degrees of freedom).</param>
    /// <param name="saturations">Incremented on fixed-point saturation.</param>
    /// <returns>Whether the two rejects show one place.</returns>
    public static bool AgreesWithPreviousReject(long east, long north, long previousEast, long previousNorth, long seconds, long velocityEast, long velocityNorth, long positionVariance, long velocityVariance, long gateNis, ref int saturations)
    {
        long differenceEast = FixedPoint.Subtract(east, FixedPoint.Add(previousEast, Q31x32.Multiply(velocityEast, seconds, ref saturations), ref saturations), ref saturations);
        long differenceNorth = FixedPoint.Subtract(north, FixedPoint.Add(previousNorth, Q31x32.Multiply(velocityNorth, seconds, ref saturations), ref saturations), ref saturations);

        // Q31.32 × Q31.32 >> 40: Q39.24 m², as the variances.
        long squared = FixedPoint.Add(FixedPoint.MultiplyShift(differenceEast, differenceEast, 40, ref saturations), FixedPoint.MultiplyShift(differenceNorth, differenceNorth, 40, ref saturations), ref saturations);
        long variance = FixedPoint.Add(FixedPoint.Add(positionVariance, positionVariance, ref saturations), FixedPoint.MultiplyShift(velocityVariance, Q31x32.Multiply(seconds, seconds, ref saturations), 32, ref saturations), ref saturations);
        return squared <= FixedPoint.MultiplyShift(gateNis, variance, 32, ref saturations);
    }
}

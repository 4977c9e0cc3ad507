namespace Picket.Tracking.Measurements;

/// <summary>
/// The rule for ADS-B positions of an established track: a position whose NIS (the track's
/// predicted covariance plus the position's) is beyond the gate is an outlier (a bad position, a
/// CPR decode that slipped through with a bit error) and is dropped; several in a row mean the
/// aircraft really is elsewhere (a jump, a corrected navigator) and the track restarts there.
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
}

using Picket.Numerics;

namespace Picket.Tracking.Measurements;

/// <summary>
/// Radar plots associated by kinematics (PSR, no identity) with an ADS-B-fed track are judged in
/// windows: each plot gates, but a window whose mean NIS is well above the 2 expected (2 degrees
/// of freedom) means radar systematically sees the aircraft elsewhere than its ADS-B says
/// (spoofing, a bad navigator). The state (sum and count) is the caller's, one per track.
/// </summary>
public static class RadarAdsbAgreement
{
    /// <summary>Adds one plot's NIS; when the window is full, judges it and starts the next.</summary>
    /// <param name="nisSum">Sum of the window's NIS so far, Q31.32 (updated).</param>
    /// <param name="count">Plots in the window so far (updated).</param>
    /// <param name="nis">This plot's NIS, Q31.32.</param>
    /// <param name="windowPlots">Plots per window, ≥ 1.</param>
    /// <param name="meanNisLimit">Mean NIS beyond which the window disagrees, Q31.32.</param>
    /// <param name="saturations">Incremented for every saturated operation.</param>
    /// <returns>True when this plot closed a window that disagrees.</returns>
    public static bool AddPlot(ref long nisSum, ref int count, long nis, int windowPlots, long meanNisLimit, ref int saturations)
    {
        nisSum = FixedPoint.Add(nisSum, nis, ref saturations);
        count++;
        if (count < windowPlots)
        {
            return false;
        }

        long limit = FixedPoint.MultiplyShift(meanNisLimit, count, 0, ref saturations);
        bool disagrees = nisSum > limit;
        nisSum = 0;
        count = 0;
        return disagrees;
    }
}

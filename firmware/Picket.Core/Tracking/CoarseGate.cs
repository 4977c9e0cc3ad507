using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>
/// The coarse gate before any scoring: a measurement farther than
/// <see cref="TrackerConfiguration.CoarseGateMetres"/> (per axis) from a track's position moved
/// along its velocity to the measurement's time is not scored against that track.
/// </summary>
internal sealed class CoarseGate
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the gate.</summary>
    /// <param name="configuration">The gate's half-width.</param>
    /// <param name="counters">Saturations are counted here.</param>
    public CoarseGate(TrackerConfiguration configuration, TrackerCounters counters)
    {
        _configuration = configuration;
        _counters = counters;
    }

    // True when the position (plane east and north, Q31.32 m) at the time is within the gate.
    public bool RoughlyNear(Track track, long east, long north, long time)
    {
        int saturations = 0;
        TrackKinematics.PredictedPosition(track, time, out long predictedEast, out long predictedNorth, ref saturations);
        long limit = Q31x32.FromInteger(_configuration.CoarseGateMetres);
        long de = predictedEast - east;
        long dn = predictedNorth - north;
        _counters.Saturations += saturations;
        return de < limit && de > -limit && dn < limit && dn > -limit;
    }
}

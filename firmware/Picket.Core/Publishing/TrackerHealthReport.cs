namespace Picket.Publishing;

/// <summary>
/// The tracker's state and counters in wire units, as <c>picket.v1.TrackerHealth</c>
/// (<c>proto/picket/v1/health.proto</c>); the totals are those of the tracker's
/// <c>TrackerCounters</c>, counted from the gateway's start.
/// </summary>
public struct TrackerHealthReport
{
    /// <summary>Tracks in the table now (tentative, confirmed and coasting).</summary>
    public uint LiveTracks;

    /// <summary>Confirmed tracks (coasting included) in the table now.</summary>
    public uint ConfirmedTracks;

    /// <summary>Tracks started.</summary>
    public long TracksStarted;

    /// <summary>Tracks dropped (any reason).</summary>
    public long TracksDropped;

    /// <summary>Radar plots received.</summary>
    public long RadarPlots;

    /// <summary>Mode S and ADS-B observations received.</summary>
    public long ModeSObservations;

    /// <summary>Measurements older than a track's estimate by more than the allowed lateness.</summary>
    public long LateMeasurements;

    /// <summary>Fixed-point operations that saturated.</summary>
    public long Saturations;

    /// <summary>Zone alerts raised.</summary>
    public long Alerts;
}

namespace Picket.Tracking;

/// <summary>What the tracker did and refused, for diagnostics and the run summary.</summary>
public sealed class TrackerCounters
{
    /// <summary>Tracks started.</summary>
    public long TracksStarted;

    /// <summary>Tracks confirmed.</summary>
    public long TracksConfirmed;

    /// <summary>Tracks dropped (any reason).</summary>
    public long TracksDropped;

    /// <summary>Tentative tracks shed to make room when the table was full.</summary>
    public long TracksShed;

    /// <summary>New tracks refused because the table was full of confirmed tracks.</summary>
    public long TracksRefused;

    /// <summary>Radar-only and ADS-B tracks merged into one.</summary>
    public long TracksMerged;

    /// <summary>Primary-only tracks ended because they coincided with a track the radar updated by identity, scan after scan, without a plot of their own (<see cref="TrackerConfiguration.IdentityShadowedScans"/>).</summary>
    public long TracksEndedBesideIdentity;

    /// <summary>Coasting radar tracks found again: a new track about to be confirmed continued them (TrackContinuity).</summary>
    public long TracksResumed;

    /// <summary>Radar plots received.</summary>
    public long RadarPlots;

    /// <summary>Radar plots associated with a track.</summary>
    public long RadarPlotsAssociated;

    /// <summary>Radar plots not usable (relative bearing, no geometry).</summary>
    public long RadarPlotsUnusable;

    /// <summary>Mode S observations received.</summary>
    public long ModeSObservations;

    /// <summary>Observations of aircraft with no track that could not start one (no position).</summary>
    public long ModeSWithoutTrack;

    /// <summary>Measurements older than a track's estimate by more than the allowed lateness.</summary>
    public long LateMeasurements;

    /// <summary>ADS-B positions contradicted by radar (not used).</summary>
    public long AdsbRadarDisagreements;

    /// <summary>Zone alerts raised.</summary>
    public long Alerts;

    /// <summary>Fixed-point operations that saturated (clamped at the format's range) in the tracker's own arithmetic.</summary>
    public long Saturations;

    /// <summary>Identity-associated radar plots (Mode S address, Mode 3/A, callsign) outside the identity gate of their track: not applied to it.</summary>
    public long RadarIdentityPlotsOutsideGate;

    /// <summary>Tracks restarted at a plot of their address or callsign that was outside their identity gate in consecutive scans.</summary>
    public long RadarIdentityTrackRestarts;

    /// <summary>Gated plot-track pairs of a radar batch beyond the association's pair capacity (not considered).</summary>
    public long RadarGatedPairsDropped;

    /// <summary>Clusters of a radar batch too large for the optimal solver, associated greedily instead.</summary>
    public long RadarClustersSolvedGreedily;

    /// <summary>ADS-B positions rejected by an established track's gate (outliers, undetected CPR errors).</summary>
    public long AdsbPositionsRejected;

    /// <summary>ADS-B tracks restarted at the new position after consecutive gate rejects (the aircraft really is there).</summary>
    public long AdsbTrackRestarts;

    /// <summary>ADS-B addresses first heard beside a non-cooperative track they were not allowed to adopt.</summary>
    public long PossibleMasking;

    /// <summary>Observations relayed by a ground station (DF18 TIS-B / ADS-R).</summary>
    public long RelayedObservations;
}

using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// A Mode S / ADS-B address no track holds: with a position, it adopts the unidentified track
/// the ADS-B updater finds near it (<see cref="AdsbUpdater.FindUnidentifiedNear"/>, possible
/// masking counted on the track), else starts an airliner-class track there; without a position
/// it is counted and goes nowhere (identity is the ICAO address alone).
/// </summary>
internal sealed class AdsbTrackAdoption
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackTable _table;
    private readonly AdsbUpdater _adsb;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">The initial velocity sigma.</param>
    /// <param name="table">Where new tracks are allocated.</param>
    /// <param name="adsb">Projects the position, its variance, finds the track to adopt.</param>
    /// <param name="counters">Counts merges, possible masking and observations without a track.</param>
    public AdsbTrackAdoption(TrackerConfiguration configuration, TrackTable table, AdsbUpdater adsb, TrackerCounters counters)
    {
        _configuration = configuration;
        _table = table;
        _adsb = adsb;
        _counters = counters;
    }

    // The track an unheard address takes, its position used; null (counted) without a position or
    // when the table is full of confirmed tracks. now: the tracker's data time.
    public Track AdoptOrStart(ref ModeSObservation observation, long now)
    {
        long time = observation.TimeUnixMicroseconds;
        if (!observation.HasPosition)
        {
            _counters.ModeSWithoutTrack++;
            return null;
        }

        _adsb.ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
        long variance = _adsb.AdsbPositionVariance(null, ref observation);
        Track track = _adsb.FindUnidentifiedNear(east, north, variance, time, out bool masking);
        if (track != null)
        {
            _counters.TracksMerged++;
        }
        else
        {
            track = _table.Allocate(time, now);
            if (track == null)
            {
                return null;
            }

            long velocityVariance = TrackerUnits.VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
            track.Filter.TargetClass = Filter.TargetClass.Airliner;
            track.Filter.Initialise(time, east, north, variance, 0, 0, velocityVariance);
            AdsbUpdater.RecordAdsbFix(track, time, latitude, longitude);
        }

        if (masking)
        {
            track.PossibleMaskingCount++;
            _counters.PossibleMasking++;
        }

        track.IdentityRelayedOnly = observation.IsRelayed;
        return track;
    }
}

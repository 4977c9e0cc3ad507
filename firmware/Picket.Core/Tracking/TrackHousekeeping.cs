using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// Housekeeping, once per housekeeping interval of data time: the life cycle (M-of-N, coasting,
/// deletion: <see cref="TrackDeletion"/>), zone hysteresis (<see cref="ZoneMonitor"/>) and the
/// periodic reports; and what follows every measurement update: confirmation's side effects
/// (target class, zones), a confirmed track's zone sample and the report when one is due.
/// </summary>
internal sealed class TrackHousekeeping
{
    private readonly TrackerConfiguration _configuration;
    private readonly Track[] _tracks;
    private readonly TrackTable _table;
    private readonly TrackConfirmation _confirmation;
    private readonly TrackDeletion _deletion;
    private readonly RadarSiteTable _radarSites;
    private readonly ZoneMonitor _zoneMonitor;
    private readonly TrackReporter _reporter;
    private readonly TargetClassifier _classifier;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role over the track table.</summary>
    /// <param name="configuration">Report intervals and the housekeeping interval.</param>
    /// <param name="table">The track table (its slots, and where tracks are dropped).</param>
    /// <param name="confirmation">The clutter map advanced each round.</param>
    /// <param name="deletion">The life cycle's deletion rule.</param>
    /// <param name="radarSites">Each radar's scan period (how long a track's estimate is sampled for a zone between plots).</param>
    /// <param name="zoneMonitor">Zone hysteresis and alerts.</param>
    /// <param name="reporter">Sends the reports.</param>
    /// <param name="classifier">Chooses the class of a track when it is confirmed.</param>
    /// <param name="counters">Counts confirmations and saturations.</param>
    public TrackHousekeeping(TrackerConfiguration configuration, TrackTable table, TrackConfirmation confirmation, TrackDeletion deletion, RadarSiteTable radarSites, ZoneMonitor zoneMonitor, TrackReporter reporter, TargetClassifier classifier, TrackerCounters counters)
    {
        _configuration = configuration;
        _table = table;
        _tracks = table.Tracks;
        _confirmation = confirmation;
        _deletion = deletion;
        _radarSites = radarSites;
        _zoneMonitor = zoneMonitor;
        _reporter = reporter;
        _classifier = classifier;
        _counters = counters;
    }

    // One round at data time now: life cycle, zones of the tracks no longer tentative, reports due.
    public void Housekeeping(long now)
    {
        _confirmation.Clutter.AdvanceTo(now, _configuration.ScanPeriodMicroseconds);
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse)
            {
                continue;
            }

            if (!AdvanceLifeCycle(track, now))
            {
                _table.Drop(track, now);
                continue;
            }

            if (track.Status != TrackStatus.Tentative && _zoneMonitor.Count > 0)
            {
                CheckZones(track, now, track.Misses == 0);
            }

            // Two housekeeping intervals of margin: housekeeping only runs when data arrives. A
            // track fed on time is reported predicted in a copy, its filter left at its last plot
            // (one that arrives after the data time passed it still meets it at its own time); a
            // coasting one, which missed its scan and has no plot on its way, is flown on itself,
            // so its uncertainty (the deletion's limit, its gate) grows prediction by prediction.
            if (track.Status != track.ReportedStatus || now - track.LastReportMicroseconds >= _configuration.ReportIntervalMicroseconds - (2 * _configuration.HousekeepingIntervalMicroseconds))
            {
                if (track.Status == TrackStatus.Coasting)
                {
                    track.Filter.Predict(now);
                }

                _reporter.Report(track, track.Status, now, now);
                track.LastReportPeriodic = true;
            }
        }
    }

    // Between housekeeping rounds: every track whose zone state is part-way through its dwell
    // (a sample beyond the margin already counted) is sampled again, predicted to now. The
    // monitor counts it only once the minimum sample interval has passed, so the dwell keeps its
    // meaning; the second sample comes that interval after the first instead of at the next
    // housekeeping round or plot (up to a second later).
    public void SamplePendingZones(long now)
    {
        if (_zoneMonitor.Count == 0)
        {
            return;
        }

        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || track.Status == TrackStatus.Tentative)
            {
                continue;
            }

            if (ZoneMonitor.HasPendingChange(track))
            {
                CheckZones(track, now, track.Misses == 0);
            }
            else if (IsApproaching(track, now))
            {
                CheckZones(track, now, true);
            }
        }
    }

    // A confirmed track outside every zone, updated at most ZoneApproachPredictionMicroseconds
    // ago, or one scan of its radar if that is longer (until its next plot is due), without a
    // miss since: its predicted estimate is sampled between updates too, so the first sample
    // inside a zone comes within a round of the estimate crossing, not at the next plot (a 1 s
    // radar's drone crosses 30 m between plots, the whole entry margin; a 4 s radar's jet 1 km).
    private bool IsApproaching(Track track, long now)
    {
        if (_configuration.ZoneApproachPredictionMicroseconds <= 0 || track.Status != TrackStatus.Confirmed || track.Misses != 0 || track.IsInsideAnyZone)
        {
            return false;
        }

        long since = now - track.Filter.TimeMicroseconds;
        long scan = _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds);
        return since > 0 && since <= (scan > _configuration.ZoneApproachPredictionMicroseconds ? scan : _configuration.ZoneApproachPredictionMicroseconds);
    }

    // The entry lead: the configured time, or as many scans of the track's radar as configured
    // when that is longer (an ADS-B-only track keeps the configured time; 0 turns the lead off).
    private long EnterLeadMicroseconds(Track track)
    {
        long lead = _configuration.ZoneEnterLeadMilliseconds * 1000L;
        if (lead > 0 && _configuration.ZoneEnterLeadRadarScans > 0 && track.HasRadarSensor)
        {
            long scans = _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds) * _configuration.ZoneEnterLeadRadarScans;
            if (scans > lead)
            {
                lead = scans;
            }
        }

        return lead;
    }

    // Returns false when the track must be dropped (TrackDeletion).
    private bool AdvanceLifeCycle(Track track, long now) => _deletion.AdvanceLifeCycle(track, now);

    private static long PredictedPositionVariance(Track track, long now) => TrackKinematics.PredictedPositionVariance(track, now);

    // Zone state follows the track's own estimate predicted to now (ZoneMonitor's rules); fresh:
    // no missed opportunity, the only state in which an exit may be declared.
    public void CheckZones(Track track, long now, bool fresh) => CheckZones(track, now, fresh, false);

    // atPlot: sampled at the radar plot that just updated the track (ZoneMonitor.EnterHeadingInAtPlot).
    private void CheckZones(Track track, long now, bool fresh, bool atPlot)
    {
        // A primary-only track confirmed but not yet seen moving since (TrackConfirmation) enters
        // nothing; one that has since been given an identity or ADS-B positions is free.
        if (!track.MotionShown && track.PrimaryPlotsOnly && !track.IsInsideAnyZone)
        {
            return;
        }

        int saturations = 0;
        TrackKinematics.PredictedPosition(track, now, out long east, out long north, ref saturations);
        long eastMillimetres = Q31x32.ToScaledInteger(east, 1000, ref saturations);
        long northMillimetres = Q31x32.ToScaledInteger(north, 1000, ref saturations);
        long sigma = FixedPoint.SquareRoot(PredictedPositionVariance(track, now), Q39x24.FractionBits, ref saturations);
        long sigmaMillimetres = FixedPoint.MultiplyShift(sigma, 1000, Q39x24.FractionBits, ref saturations);
        long speedMillimetres = Q31x32.ToScaledInteger(TrackKinematics.Speed(track), 1000, ref saturations);
        // Where the estimate will be after the entry lead, if it flies on (ZoneEnterLeadMilliseconds,
        // or ZoneEnterLeadRadarScans of the radar that feeds the track if that is longer).
        TrackKinematics.PredictedPosition(track, now + EnterLeadMicroseconds(track), out long aheadEast, out long aheadNorth, ref saturations);
        long leadEast = Q31x32.ToScaledInteger(aheadEast, 1000, ref saturations);
        long leadNorth = Q31x32.ToScaledInteger(aheadNorth, 1000, ref saturations);
        _counters.Saturations += saturations;
        _zoneMonitor.Sample(track, eastMillimetres, northMillimetres, now, sigmaMillimetres, speedMillimetres, fresh, leadEast, leadNorth, atPlot);
    }

    // Confirms a track at data time nowMicroseconds: counted, classified, its zones sampled at once.
    public void Confirm(Track track, long nowMicroseconds)
    {
        track.Status = TrackStatus.Confirmed;
        _counters.TracksConfirmed++;
        _classifier.ChooseTargetClass(track);
        _confirmation.StartMotionWatch(track);
        if (_zoneMonitor.Count > 0)
        {
            _zoneMonitor.Confirmed(track);
            CheckZones(track, nowMicroseconds > track.Filter.TimeMicroseconds ? nowMicroseconds : track.Filter.TimeMicroseconds, true);
        }
    }

    // After a radar plot's update: a confirmed track's zones are sampled at once (fresh, predicted
    // to the data time it is processed at, as alerts are never back-dated), not at the next
    // housekeeping round (ZoneSampleMinimumIntervalMicroseconds keeps the dwell's meaning). A
    // track no ADS-B position has fed is sampled at its plot (ZoneMonitor.EnterHeadingInAtPlot);
    // an ADS-B-fed one gets positions twice a second, which may pull it back within the dwell.
    public void CheckZonesAfterUpdate(Track track, long nowMicroseconds)
    {
        if (track.Status == TrackStatus.Confirmed && _zoneMonitor.Count > 0)
        {
            CheckZones(track, nowMicroseconds > track.Filter.TimeMicroseconds ? nowMicroseconds : track.Filter.TimeMicroseconds, true, track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds);
        }
    }

    // Reports the track when its status changed, the minimum report interval has passed, or its
    // last report was a periodic prediction (TrackerConfiguration.ReportUpdateAfterPeriodicReport):
    // a measurement is never held back by a report that carried none.
    public void ReportIfDue(Track track, long nowMicroseconds)
    {
        if (track.Status != track.ReportedStatus
            || track.Filter.TimeMicroseconds - track.LastReportMicroseconds >= _configuration.MinimumReportIntervalMicroseconds
            || (track.LastReportPeriodic && _configuration.ReportUpdateAfterPeriodicReport))
        {
            _reporter.Report(track, track.Status, nowMicroseconds);
        }
    }
}

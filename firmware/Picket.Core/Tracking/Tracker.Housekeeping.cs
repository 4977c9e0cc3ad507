using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

// Life cycle (M-of-N, coasting, deletion), zone hysteresis and periodic reports, once per
// housekeeping interval of data time.
public sealed partial class Tracker
{
    private void Housekeeping()
    {
        long now = _nowMicroseconds;
        _clutter.AdvanceTo(now, _configuration.ScanPeriodMicroseconds);
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse)
            {
                continue;
            }

            if (!AdvanceLifeCycle(track, now))
            {
                Drop(track);
                continue;
            }

            if (track.Status != TrackStatus.Tentative && _zoneMonitor.Count > 0)
            {
                CheckZones(track, now, track.Misses == 0);
            }

            // Two housekeeping intervals of margin: housekeeping only runs when data arrives.
            if (track.Status != track.ReportedStatus || now - track.LastReportMicroseconds >= _configuration.ReportIntervalMicroseconds - (2 * _configuration.HousekeepingIntervalMicroseconds))
            {
                track.Filter.Predict(now);
                Report(track, track.Status);
            }
        }
    }

    // Returns false when the track must be dropped.
    private bool AdvanceLifeCycle(Track track, long now)
    {
        long scan = ScanPeriodOf(track);
        bool radarOnly = track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds;
        long interval = radarOnly ? scan : (_configuration.AdsbOpportunityMicroseconds > scan ? _configuration.AdsbOpportunityMicroseconds : scan);
        // Half an interval of grace: the next scan's plot may still be on its way (a plot exactly
        // one scan later is a hit, not a miss followed by a hit).
        long idle = now - track.LastUpdateMicroseconds - (interval / 2);
        track.Misses = idle <= 0 ? 0 : (int)(idle / interval);
        if (UsesScore(track))
        {
            if (!ScoreKeeps(track))
            {
                return false;
            }

            if (track.Status == TrackStatus.Tentative)
            {
                return true;
            }
        }
        else if (track.Status == TrackStatus.Tentative)
        {
            if (radarOnly && now - track.BornMicroseconds > scan / 2)
            {
                // M-of-N: drop as soon as the hits so far plus the scans left in the window can
                // no longer reach M. A scan counts as passed half a scan after its expected plot.
                long passed = 1 + ((now - track.BornMicroseconds - (scan / 2)) / scan);
                int window = track.Cooperative ? _configuration.CooperativeConfirmScans : _configuration.PrimaryConfirmScans;
                int needed = track.Cooperative ? _configuration.CooperativeConfirmHits : _configuration.PrimaryConfirmHits;
                if (track.RadarHits + (window - passed) < needed)
                {
                    return false;
                }
            }

            return track.Misses < _configuration.TentativeMaxMisses;
        }

        track.Status = track.Misses >= 1 ? TrackStatus.Coasting : TrackStatus.Confirmed;
        if (track.Misses > _configuration.ConfirmedMaxMisses)
        {
            return false;
        }

        return PredictedPositionVariance(track, now) <= Q39x24.FromInteger((long)_configuration.MaxPositionSigmaMetres * _configuration.MaxPositionSigmaMetres);
    }

    // Larger of the two position variances predicted to now (P_pp + 2 P_pv dt + P_vv dt², whole seconds).
    private static long PredictedPositionVariance(Track track, long now)
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

    // Zone state follows the track's own estimate predicted to now (ZoneMonitor's rules); fresh:
    // no missed opportunity, the only state in which an exit may be declared.
    private void CheckZones(Track track, long now, bool fresh)
    {
        int saturations = 0;
        PredictedPosition(track, now, out long east, out long north, ref saturations);
        long eastMillimetres = Q31x32.ToScaledInteger(east, 1000, ref saturations);
        long northMillimetres = Q31x32.ToScaledInteger(north, 1000, ref saturations);
        long sigma = FixedPoint.SquareRoot(PredictedPositionVariance(track, now), Q39x24.FractionBits, ref saturations);
        long sigmaMillimetres = FixedPoint.MultiplyShift(sigma, 1000, Q39x24.FractionBits, ref saturations);
        long speedMillimetres = Q31x32.ToScaledInteger(Speed(track), 1000, ref saturations);
        Counters.Saturations += saturations;
        _zoneMonitor.Sample(track, eastMillimetres, northMillimetres, now, sigmaMillimetres, speedMillimetres, fresh);
    }

    private void Confirm(Track track)
    {
        track.Status = TrackStatus.Confirmed;
        Counters.TracksConfirmed++;
        ChooseTargetClass(track);
        if (_zoneMonitor.Count > 0)
        {
            _zoneMonitor.Confirmed(track);
            CheckZones(track, _nowMicroseconds > track.Filter.TimeMicroseconds ? _nowMicroseconds : track.Filter.TimeMicroseconds, true);
        }
    }

    // After a measurement update: a confirmed track's zones are sampled at once (fresh, predicted
    // to the data time it is processed at, as alerts are never back-dated), not at the next
    // housekeeping round (ZoneSampleMinimumIntervalMicroseconds keeps the dwell's meaning).
    private void CheckZonesAfterUpdate(Track track)
    {
        if (track.Status == TrackStatus.Confirmed && _zoneMonitor.Count > 0)
        {
            CheckZones(track, _nowMicroseconds > track.Filter.TimeMicroseconds ? _nowMicroseconds : track.Filter.TimeMicroseconds, true);
        }
    }

    private void ReportIfDue(Track track)
    {
        if (track.Status != track.ReportedStatus || track.Filter.TimeMicroseconds - track.LastReportMicroseconds >= _configuration.MinimumReportIntervalMicroseconds)
        {
            Report(track, track.Status);
        }
    }
}

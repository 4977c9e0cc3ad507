using Picket.Numerics;
using Picket.Publishing;
using Picket.Zones;

namespace Picket.Tracking;

// Life cycle (M-of-N, coasting, deletion), zone hysteresis and periodic reports, once per
// housekeeping interval of data time.
public sealed partial class Tracker
{
    private void Housekeeping()
    {
        long now = _nowMicroseconds;
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

            if (track.Status != TrackStatus.Tentative && _zones.Length > 0)
            {
                CheckZones(track, now);
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
        bool radarOnly = track.LastAdsbPositionMicroseconds == 0;
        long interval = radarOnly ? scan : (_configuration.AdsbOpportunityMicroseconds > scan ? _configuration.AdsbOpportunityMicroseconds : scan);
        // Half an interval of grace: the next scan's plot may still be on its way (a plot exactly
        // one scan later is a hit, not a miss followed by a hit).
        long idle = now - track.LastUpdateMicroseconds - (interval / 2);
        track.Misses = idle <= 0 ? 0 : (int)(idle / interval);
        if (track.Status == TrackStatus.Tentative)
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

    private void CheckZones(Track track, long now)
    {
        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(now - track.Filter.TimeMicroseconds, ref saturations);
        long east = track.Filter.Horizontal.Mean[0] + Q31x32.Multiply(track.Filter.Horizontal.Mean[2], seconds, ref saturations);
        long north = track.Filter.Horizontal.Mean[1] + Q31x32.Multiply(track.Filter.Horizontal.Mean[3], seconds, ref saturations);
        long eastMillimetres = Q31x32.ToScaledInteger(east, 1000, ref saturations);
        long northMillimetres = Q31x32.ToScaledInteger(north, 1000, ref saturations);
        for (int zone = 0; zone < _zones.Length; zone++)
        {
            ZoneTransition transition = _hysteresis.Update(ref track.Occupancy[zone], _zones[zone], eastMillimetres, northMillimetres, now, out long duration);
            if (transition != ZoneTransition.None)
            {
                RaiseAlert(track, zone, transition == ZoneTransition.Enter, duration);
            }
        }
    }

    private void RaiseAlert(Track track, int zone, bool enter, long durationMicroseconds)
    {
        _alert.TimeUnixMicroseconds = _nowMicroseconds;
        _alert.TrackId = track.TrackId;
        _alert.ZoneIndex = zone;
        _alert.ZoneName = _zoneNames[zone];
        _alert.IsEnter = enter;
        _alert.Cooperative = track.Cooperative;
        _alert.HasIcaoAddress = track.HasIcaoAddress;
        _alert.IcaoAddress = track.IcaoAddress;
        _alert.Callsign = track.Callsign;
        _alert.HasMode3A = track.HasMode3A;
        _alert.Mode3A = track.Mode3A;
        _alert.DurationMicroseconds = enter ? 0 : durationMicroseconds;
        Counters.Alerts++;
        _output.OnZoneAlert(ref _alert);
    }

    private void Confirm(Track track)
    {
        track.Status = TrackStatus.Confirmed;
        Counters.TracksConfirmed++;
        ChooseTargetClass(track);
        if (_zones.Length > 0)
        {
            // A track confirmed inside a zone has crossed no boundary it could flap on, and
            // M-of-N already gave the persistence the dwell count stands for: one sample beyond
            // the margin decides, now, instead of waiting for the next housekeeping rounds.
            for (int zone = 0; zone < _zones.Length; zone++)
            {
                track.Occupancy[zone].ConsecutiveSamples = _hysteresis.DwellSamples - 1;
            }

            CheckZones(track, _nowMicroseconds > track.Filter.TimeMicroseconds ? _nowMicroseconds : track.Filter.TimeMicroseconds);
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

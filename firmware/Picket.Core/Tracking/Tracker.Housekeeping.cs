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

    // Returns false when the track must be dropped (TrackDeletion).
    private bool AdvanceLifeCycle(Track track, long now) => _deletion.AdvanceLifeCycle(track, now);

    private static long PredictedPositionVariance(Track track, long now) => TrackKinematics.PredictedPositionVariance(track, now);

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
        long speedMillimetres = Q31x32.ToScaledInteger(TrackKinematics.Speed(track), 1000, ref saturations);
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

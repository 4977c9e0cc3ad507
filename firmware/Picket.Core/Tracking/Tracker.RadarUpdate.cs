using Picket.Asterix;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking;

// Applying an associated radar plot to its track (filter update, identity, hit counting and
// confirmation), and starting or restarting a track at a plot.
public sealed partial class Tracker
{
    // Updates a filter (the track's or the scratch copy) with plot p; returns the NIS or long.MaxValue.
    private long ApplyPlot(Track track, Filter.TrackFilter filter, int p)
    {
        PlotGeometry plot = _geometry[p];
        if (!PredictOrLate(filter, _plots[p].TimeUnixMicroseconds, out long lateSeconds))
        {
            return long.MaxValue;
        }

        int saturations = 0;
        long ground = plot.GroundRange;
        long rangeVariance = plot.RangeVariance;
        if (!plot.HasOwnHeight && filter.HasVertical)
        {
            // No height on the plot: the track's altitude (Mode C / ADS-B) is the best known.
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, filter.Vertical.Mean[0], plot.Sine, plot.Cosine, out long withTrackHeight, ref saturations))
            {
                ground = withTrackHeight;
                rangeVariance = plot.BaseRangeVariance;
            }
        }
        else if (!plot.HasOwnHeight && track.HasAssumedHeight)
        {
            // No height anywhere: the track's one assumed height (a slowly varying state, its bias
            // carried once by the initial covariance), not the whole band as fresh noise every plot.
            long cap = HeightCapOf(track, plot);
            long height = track.AssumedHeight < cap ? track.AssumedHeight : cap;
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, height, plot.Sine, plot.Cosine, out long withAssumedHeight, ref saturations))
            {
                ground = withAssumedHeight;
                rangeVariance = plot.BaseRangeVariance + _assumedHeightRangeVariance;
            }
        }

        // A late plot: the target has since moved on by v·late; moving the radar with it is the same shift.
        long radarEast = plot.RadarEast + Q31x32.Multiply(filter.Horizontal.Mean[2], lateSeconds, ref saturations);
        long radarNorth = plot.RadarNorth + Q31x32.Multiply(filter.Horizontal.Mean[3], lateSeconds, ref saturations);
        Counters.Saturations += saturations;
        return filter.UpdateRadar(radarEast, radarNorth, ground, plot.Sine, plot.Cosine, rangeVariance, plot.CrossRangeVariance);
    }

    private void UpdateFromPlot(Track track, int p, bool byIdentity)
    {
        long time = _plots[p].TimeUnixMicroseconds;
        LearnRegistration(track, p);
        if (byIdentity && IsAdsbFed(track, time))
        {
            _scratch.CopyFrom(track.Filter);
            long check = ApplyPlot(track, _scratch, p);
            if (check != long.MaxValue && check > _configuration.DisagreementNis)
            {
                // The radar sees this address elsewhere than its ADS-B says: keep the radar's
                // position and distrust the ADS-B positions for a while (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                Counters.AdsbRadarDisagreements++;
                track.DistrustAdsbUntilMicroseconds = time + _configuration.DistrustMicroseconds;
                RestartAtPlot(track, p);
            }
        }

        long nis = ApplyPlot(track, track.Filter, p);
        if (nis == long.MaxValue)
        {
            Counters.LateMeasurements++;
            return;
        }

        Counters.RadarPlotsAssociated++;
        track.LastNis = nis;
        AssumeHeight(track, _geometry[p]);
        EstimateHeight(track, p);
        if (!byIdentity && IsAdsbFed(track, time))
        {
            CheckKinematicAgreement(track, nis);
        }

        ApplyPlotIdentity(track, p);
        RecordRadarHit(track, ref _plots[p]);
    }

    // True when ADS-B positions fed the track within the last 10 s.
    private static bool IsAdsbFed(Track track, long time) =>
        track.LastAdsbPositionMicroseconds != Track.NeverMicroseconds && time - track.LastAdsbPositionMicroseconds < 10_000_000;

    // The plot's identity (unless it was rejected by the identity gate) and heights onto the track.
    private void ApplyPlotIdentity(Track track, int p)
    {
        if (!_geometry[p].IdentityRejected)
        {
            ApplyPlotCodes(track, ref _plots[p]);
        }

        ApplyPlotHeights(track, ref _plots[p]);
    }

    private static void ApplyPlotCodes(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress || measurement.HasMode3A)
        {
            // An SSR reply comes from the aircraft itself: it identifies itself (not only relayed).
            track.IdentityRelayedOnly = false;
        }

        if (measurement.HasCallsign && (!track.HasCallsign || track.CallsignCharacters != (ulong)measurement.Callsign))
        {
            track.HasCallsign = true;
            track.CallsignCharacters = (ulong)measurement.Callsign;
            track.Callsign = CallsignText((ulong)measurement.Callsign);
        }

        if (measurement.HasIcaoAddress && !track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = measurement.IcaoAddress;
        }

        if (measurement.HasMode3A)
        {
            track.HasMode3A = true;
            track.Mode3A = measurement.Mode3A;
        }

    }

    private void RecordRadarHit(Track track, ref RadarMeasurement measurement)
    {
        long time = measurement.TimeUnixMicroseconds;
        bool started = track.UpdateCount == 0;

        // One hit per scan of the radar that saw it (its own period; the track remembers it).
        track.HasRadarSensor = true;
        track.RadarSensorId = measurement.SensorId;
        bool newScan = track.LastRadarMicroseconds == Track.NeverMicroseconds || time - track.LastRadarMicroseconds > ScanPeriodOf(track) / 2;
        if (newScan)
        {
            track.RadarHits++;
            if (!track.Cooperative)
            {
                track.ScansWithoutIdentity++;
            }
        }

        track.Sources |= SourcesOf(ref measurement);
        track.RadarUpdateCount++;
        track.UpdateCount++;
        if (time > track.LastRadarMicroseconds)
        {
            track.LastRadarMicroseconds = time;
        }

        if (time > track.LastUpdateMicroseconds)
        {
            track.LastUpdateMicroseconds = time;
        }

        track.Misses = 0;
        bool scored = UsesScore(track);
        if (scored)
        {
            ScoreHit(track, ref measurement, started, newScan);
        }

        if (track.Status == TrackStatus.Coasting)
        {
            track.Status = TrackStatus.Confirmed;
        }
        else if (track.Status == TrackStatus.Tentative)
        {
            int needed = track.Cooperative ? _configuration.CooperativeConfirmHits : _configuration.PrimaryConfirmHits;
            // Both rules run on every plot (each keeps its state of the previous scan).
            bool displaced = HasMoved(track, newScan);
            bool moved = HasSignificantVelocity(track, newScan) && displaced;
            if ((scored ? _score.Confirms(track.Score) : track.RadarHits >= needed) && moved)
            {
                Track resumed = FindCoastingToResume(track);
                if (resumed != null)
                {
                    Resume(resumed, track);
                    track = resumed;
                }
                else
                {
                    Confirm(track);
                }
            }
        }

        if (track.Status != TrackStatus.Tentative && !track.Cooperative && track.ScansWithoutIdentity >= _configuration.NonCooperativeAfterScans)
        {
            track.NonCooperative = true;
        }

        CheckZonesAfterUpdate(track);
        ReportIfDue(track);
    }

    private static TrackSources SourcesOf(ref RadarMeasurement measurement)
    {
        if (measurement.Source == RadarMeasurementSource.ArpaTrackedTarget)
        {
            return TrackSources.Arpa;
        }

        switch (measurement.ReportType)
        {
            case TargetReportType.Psr:
                return TrackSources.RadarPsr;
            case TargetReportType.Ssr:
            case TargetReportType.ModeSAllCall:
            case TargetReportType.ModeSRollCall:
                return TrackSources.RadarSsr;
            default:
                return TrackSources.RadarPsr | TrackSources.RadarSsr;
        }
    }

    private void StartFromPlot(int p)
    {
        PlotGeometry plot = _geometry[p];
        long time = _plots[p].TimeUnixMicroseconds;
        Track track = Allocate(time);
        if (track == null)
        {
            return;
        }

        InitialiseAtPlot(track.Filter, plot, time, 0, 0);
        track.Filter.TargetClass = _configuration.TentativeTargetClass;
        track.BirthEast = track.Filter.Horizontal.Mean[0];
        track.BirthNorth = track.Filter.Horizontal.Mean[1];
        track.BirthVariance = track.Filter.Horizontal.CovarianceAt(0, 0);
        plot.Used = true;
        // The track starts at the band's middle with the band's variance (the bias, carried once).
        AssumeHeight(track, _geometry[p]);
        EstimateHeight(track, p);
        ApplyPlotIdentity(track, p);
        RecordRadarHit(track, ref _plots[p]);
    }

    private void RestartAtPlot(Track track, int p)
    {
        PlotGeometry plot = _geometry[p];
        Filter.TrackFilter filter = track.Filter;
        bool hadVertical = filter.HasVertical;
        long height = filter.Vertical.Mean[0];
        long rate = filter.Vertical.Mean[1];
        long heightVariance = filter.Vertical.CovarianceAt(0, 0);
        long rateVariance = filter.Vertical.CovarianceAt(1, 1);
        long time = _plots[p].TimeUnixMicroseconds;
        if (filter.TimeMicroseconds > time)
        {
            time = filter.TimeMicroseconds;
        }

        InitialiseAtPlot(filter, plot, time, filter.Horizontal.Mean[2], filter.Horizontal.Mean[3]);
        if (hadVertical)
        {
            filter.InitialiseVertical(height, heightVariance, rate, rateVariance);
        }
    }

    private void InitialiseAtPlot(Filter.TrackFilter filter, PlotGeometry plot, long time, long velocityEast, long velocityNorth)
    {
        long variance = plot.RangeVariance > plot.CrossRangeVariance ? plot.RangeVariance : plot.CrossRangeVariance;
        long velocityVariance = VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
        filter.Initialise(time, plot.East, plot.North, variance, velocityEast, velocityNorth, velocityVariance);
    }
}

using Picket.Asterix;
using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// The radar updater: applies an associated radar plot to its track (the plot placed with the
/// track's height, else the track's assumed height, into the filter; identity, heights, hit
/// counting, confirmation or resumption, zones and reports), and starts or restarts a track at a
/// plot. Plots are addressed by their index in the tracker's batch (<c>plots</c> and their
/// <see cref="PlotGeometry"/>, shared with the tracker and the registration updater).
/// </summary>
internal sealed class RadarUpdater
{
    private readonly TrackerConfiguration _configuration;
    private readonly MastPlane _plane;
    private readonly RadarMeasurement[] _plots;
    private readonly PlotGeometry[] _geometry;
    private readonly TrackFilter _scratch;
    private readonly long _assumedHeightRangeVariance;
    private readonly long _heldHeightSigma;
    // The last ApplyPlot's placement of its plot: radar position (moved for lateness), ground range, range variance.
    private long _lastRadarEast;
    private long _lastRadarNorth;
    private long _lastGround;
    private long _lastRangeVariance;
    private readonly RadarPlotHeights _heights;
    private readonly MeasurementTiming _timing;
    private readonly AdsbUpdater _adsb;
    private readonly RegistrationUpdater _registration;
    private readonly RadarSiteTable _radarSites;
    private readonly TrackTable _table;
    private readonly TrackContinuity _continuity;
    private readonly TargetClassifier _classifier;
    private readonly TrackConfirmation _confirmation;
    private readonly TrackHousekeeping _housekeeping;
    private readonly TrackerCounters _counters;

    /// <summary>Creates the role over the tracker's plot batch.</summary>
    /// <param name="configuration">Gates, initial sigmas, confirmation and ADS-B disagreement settings.</param>
    /// <param name="plane">The mast plane (ground ranges).</param>
    /// <param name="plots">The batch's plots.</param>
    /// <param name="geometry">Their geometry, same length.</param>
    /// <param name="scratch">The tracker's scratch filter.</param>
    /// <param name="heights">Plot heights and the assumed height.</param>
    /// <param name="timing">Prediction and lateness.</param>
    /// <param name="adsb">The ADS-B side of a fused track (kinematic agreement).</param>
    /// <param name="registration">Learns each radar's bias from ADS-B-fed tracks.</param>
    /// <param name="radarSites">Each radar's scan period.</param>
    /// <param name="table">Where new tracks are allocated and resumed ones dropped.</param>
    /// <param name="continuity">Finds the coasting track a newly confirmed one continues.</param>
    /// <param name="classifier">Chooses a resumed track's class.</param>
    /// <param name="confirmation">The score and the movement rules.</param>
    /// <param name="housekeeping">Confirmation, zone samples and reports after an update.</param>
    /// <param name="counters">Counts plots associated, late plots, disagreements, saturations.</param>
    public RadarUpdater(TrackerConfiguration configuration, MastPlane plane, RadarMeasurement[] plots, PlotGeometry[] geometry, TrackFilter scratch, RadarPlotHeights heights, MeasurementTiming timing, AdsbUpdater adsb, RegistrationUpdater registration, RadarSiteTable radarSites, TrackTable table, TrackContinuity continuity, TargetClassifier classifier, TrackConfirmation confirmation, TrackHousekeeping housekeeping, TrackerCounters counters)
    {
        _configuration = configuration;
        _plane = plane;
        _plots = plots;
        _geometry = geometry;
        _scratch = scratch;
        _assumedHeightRangeVariance = TrackerUnits.VarianceFromSigmaMillimetres(configuration.AssumedHeightRangeSigmaMillimetres);
        _heldHeightSigma = Q31x32.FromInteger(configuration.AssumedHeightSigmaMillimetres) / 1000;
        _heights = heights;
        _timing = timing;
        _adsb = adsb;
        _registration = registration;
        _radarSites = radarSites;
        _table = table;
        _continuity = continuity;
        _classifier = classifier;
        _confirmation = confirmation;
        _housekeeping = housekeeping;
        _counters = counters;
    }

    /// <summary>True when plot <paramref name="p"/> is nearer the radar than the track's chosen height allows (<see cref="TrackerConfiguration.BelowChosenHeightSpacings"/>): not that target.</summary>
    /// <param name="track">The track.</param>
    /// <param name="p">The plot's index in the batch.</param>
    public bool BelowChosenHeight(Track track, int p) => _heights.BelowChosenHeight(track, _geometry[p]);

    // The range variance of the last ApplyPlot (the plot's, or with the track's height carried in), Q39.24 m².
    public long LastRangeVariance => _lastRangeVariance;

    // Updates a filter (the track's or the scratch copy) with plot p; returns the NIS or long.MaxValue.
    public long ApplyPlot(Track track, TrackFilter filter, int p) => ApplyPlot(track, filter, p, Q31x32.One);

    // As above, the plot's variances times varianceScale (Q31.32, ≥ 1: an ambiguous plot).
    private long ApplyPlot(Track track, TrackFilter filter, int p, long varianceScale)
    {
        PlotGeometry plot = _geometry[p];
        if (!_timing.PredictOrLate(filter, _plots[p].TimeUnixMicroseconds, out long lateSeconds))
        {
            return long.MaxValue;
        }

        int saturations = 0;
        long ground = plot.GroundRange;
        long rangeVariance = plot.RangeVariance;
        if (!plot.HasOwnHeight && filter.HasVertical)
        {
            // No height on the plot: the track's altitude (Mode C / ADS-B) is the best known, with
            // its own sigma carried into the ground range.
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, filter.Vertical.Mean[0], plot.Sine, plot.Cosine, out long withTrackHeight, ref saturations))
            {
                ground = withTrackHeight;
                rangeVariance = TrackHeightRangeVariance(plot, filter, ref saturations);
            }
        }
        else if (!plot.HasOwnHeight && track.HasAssumedHeight)
        {
            // No height anywhere: the track's one assumed height (a slowly varying state, its bias
            // carried once by the initial covariance), not the whole band as fresh noise every plot.
            long cap = RadarPlotHeights.HeightCapOf(track, plot);
            long height = track.AssumedHeight < cap ? track.AssumedHeight : cap;
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, height, plot.Sine, plot.Cosine, out long withAssumedHeight, ref saturations))
            {
                ground = withAssumedHeight;
                rangeVariance = HeldHeightRangeVariance(plot, height, ref saturations);
            }
        }

        // A late plot: the target has since moved on by v·late; moving the radar with it is the same shift.
        long radarEast = plot.RadarEast + Q31x32.Multiply(filter.Horizontal.Mean[2], lateSeconds, ref saturations);
        long radarNorth = plot.RadarNorth + Q31x32.Multiply(filter.Horizontal.Mean[3], lateSeconds, ref saturations);
        // Where the plot lands with this track's height: placed on the track only after the real
        // update (UpdateFromPlot), not for every gated pair.
        _lastRadarEast = radarEast;
        _lastRadarNorth = radarNorth;
        _lastGround = ground;
        _lastRangeVariance = rangeVariance;
        long crossRangeVariance = plot.CrossRangeVariance;
        if (varianceScale > Q31x32.One)
        {
            rangeVariance = Q31x32.Multiply(rangeVariance, varianceScale, ref saturations);
            crossRangeVariance = Q31x32.Multiply(crossRangeVariance, varianceScale, ref saturations);
        }

        _counters.Saturations += saturations;
        return filter.UpdateRadar(radarEast, radarNorth, ground, plot.Sine, plot.Cosine, rangeVariance, crossRangeVariance);
    }

    // The ground-range variance of a plot placed with a track's held height (no height measured
    // anywhere): the slant range's variance plus the held height's slowly varying bias
    // (AssumedHeightRangeSigmaMillimetres), or, where the geometry makes it larger (near the
    // radar, at high elevation: dg/dh = Δh/g), the held height's sigma carried through the
    // geometry (AssumedHeightSigmaMillimetres; MastPlane.GroundRangeVariance). An FL260 target
    // 1 km from the mast moves kilometres in ground range for a few hundred metres of height: a
    // fixed 100 m there made every plot near the zenith drag the track off by as much.
    private long HeldHeightRangeVariance(PlotGeometry plot, long height, ref int saturations)
    {
        long variance = plot.BaseRangeVariance + _assumedHeightRangeVariance;
        if (_heldHeightSigma == 0)
        {
            return variance;
        }

        long sigmaSlant = FixedPoint.Rescale(FixedPoint.SquareRoot(plot.BaseRangeVariance, Q39x24.FractionBits, ref saturations), Q39x24.FractionBits, Q31x32.FractionBits, ref saturations);
        long geometric = _plane.GroundRangeVariance(plot.SlantRange, plot.RadarHeight, height, sigmaSlant, _heldHeightSigma, plot.Sine, plot.Cosine, ref saturations);
        return geometric > variance ? geometric : variance;
    }

    // The ground-range variance of a plot placed with the track's height: the slant range's and
    // the height's sigmas through the geometry (MastPlane.GroundRangeVariance).
    private long TrackHeightRangeVariance(PlotGeometry plot, TrackFilter filter, ref int saturations)
    {
        long sigmaSlant = FixedPoint.Rescale(FixedPoint.SquareRoot(plot.BaseRangeVariance, Q39x24.FractionBits, ref saturations), Q39x24.FractionBits, Q31x32.FractionBits, ref saturations);
        long sigmaHeight = FixedPoint.Rescale(FixedPoint.SquareRoot(filter.Vertical.CovarianceAt(0, 0), Q39x24.FractionBits, ref saturations), Q39x24.FractionBits, Q31x32.FractionBits, ref saturations);
        return _plane.GroundRangeVariance(plot.SlantRange, plot.RadarHeight, filter.Vertical.Mean[0], sigmaSlant, sigmaHeight, plot.Sine, plot.Cosine, ref saturations);
    }

    public void UpdateFromPlot(Track track, int p, bool byIdentity, long now) => UpdateFromPlot(track, p, byIdentity, now, Q31x32.One);

    // As above, the plot's variances widened by varianceScale (Q31.32, ≥ 1) for the track's update
    // (RadarKinematicAssociation: a plot another track could as well have taken).
    public void UpdateFromPlot(Track track, int p, bool byIdentity, long now, long varianceScale)
    {
        long time = _plots[p].TimeUnixMicroseconds;
        _registration.LearnRegistration(track, p);
        if (byIdentity && IsAdsbFed(track, time))
        {
            _scratch.CopyFrom(track.Filter);
            long check = ApplyPlot(track, _scratch, p);
            if (check != long.MaxValue && check > _configuration.DisagreementNis)
            {
                // The radar sees this address elsewhere than its ADS-B says: keep the radar's
                // position and distrust the ADS-B positions for a while (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                _counters.AdsbRadarDisagreements++;
                track.DistrustAdsbUntilMicroseconds = time + _configuration.DistrustMicroseconds;
                RestartAtPlot(track, p);
            }
        }

        long nis = ApplyPlot(track, track.Filter, p, varianceScale);
        if (nis == long.MaxValue)
        {
            _counters.LateMeasurements++;
            return;
        }

        _counters.RadarPlotsAssociated++;
        track.LastNis = nis;
        PlaceLastPlot(track, _geometry[p]);
        _confirmation.NoteMotionSinceConfirmation(track);
        _heights.AssumeHeight(track, _geometry[p]);
        _heights.EstimateHeight(track, _geometry[p], _plots[p].TimeUnixMicroseconds);
        if (!byIdentity && IsAdsbFed(track, time))
        {
            _adsb.CheckKinematicAgreement(track, nis);
        }

        ApplyPlotIdentity(track, p);
        RecordRadarHit(track, ref _plots[p], now);
    }

    // The plot just applied to the track, as ApplyPlot placed it (TrackConfirmation's motion watch).
    private void PlaceLastPlot(Track track, PlotGeometry plot)
    {
        int saturations = 0;
        track.LastPlotEast = _lastRadarEast + FixedPoint.MultiplyShift(_lastGround, plot.Sine, Q2x61.FractionBits, ref saturations);
        track.LastPlotNorth = _lastRadarNorth + FixedPoint.MultiplyShift(_lastGround, plot.Cosine, Q2x61.FractionBits, ref saturations);
        track.LastPlotVariance = _lastRangeVariance > plot.CrossRangeVariance ? _lastRangeVariance : plot.CrossRangeVariance;
        track.HasLastPlot = true;
        _counters.Saturations += saturations;
    }

    // True when ADS-B positions fed the track within AdsbFedWithinMicroseconds.
    public bool IsAdsbFed(Track track, long time) =>
        track.LastAdsbPositionMicroseconds != Track.NeverMicroseconds && time - track.LastAdsbPositionMicroseconds < _configuration.AdsbFedWithinMicroseconds;

    // The plot's identity (unless it was rejected by the identity gate) and heights onto the track.
    private void ApplyPlotIdentity(Track track, int p)
    {
        if (!_geometry[p].IdentityRejected)
        {
            ApplyPlotCodes(track, ref _plots[p]);
        }

        _heights.ApplyPlotHeights(track, ref _plots[p]);
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
            track.Callsign = AdsbUpdater.CallsignText((ulong)measurement.Callsign);
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

    private void RecordRadarHit(Track track, ref RadarMeasurement measurement, long now)
    {
        long time = measurement.TimeUnixMicroseconds;
        bool started = track.UpdateCount == 0;

        // One hit per scan of the radar that saw it (its own period; the track remembers it).
        track.HasRadarSensor = true;
        track.RadarSensorId = measurement.SensorId;
        bool newScan = track.LastRadarMicroseconds == Track.NeverMicroseconds || time - track.LastRadarMicroseconds > _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds) / 2;
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
        bool scored = _confirmation.UsesScore(track);
        if (scored)
        {
            _confirmation.ScoreHit(track, ref measurement, started, newScan);
        }

        if (track.Status == TrackStatus.Coasting)
        {
            track.Status = TrackStatus.Confirmed;
        }
        else if (track.Status == TrackStatus.Tentative)
        {
            int needed = track.Cooperative ? _configuration.CooperativeConfirmHits : _configuration.PrimaryConfirmHits;
            // Both rules run on every plot (each keeps its state of the previous scan).
            bool displaced = _confirmation.HasMoved(track, newScan);
            bool moved = _confirmation.HasSignificantVelocity(track, newScan) && displaced;
            if ((scored ? _confirmation.Confirms(track, _radarSites.ScanPeriodOf(track, _configuration.ScanPeriodMicroseconds)) : track.RadarHits >= needed) && moved)
            {
                Track resumed = _continuity.FindCoastingToResume(track);
                if (resumed != null)
                {
                    Resume(resumed, track, now);
                    track = resumed;
                }
                else
                {
                    _housekeeping.Confirm(track, now);
                }
            }
            else if (newScan && _configuration.ResumeTentativeFromPlots > 0 && track.RadarHits >= _configuration.ResumeTentativeFromPlots)
            {
                // Not yet confirmable, but already the continuation of a track a turn broke.
                Track resumed = _continuity.FindCoastingToResume(track, true);
                if (resumed != null)
                {
                    Resume(resumed, track, now);
                    track = resumed;
                }
            }
        }

        if (track.Status != TrackStatus.Tentative && !track.Cooperative && track.ScansWithoutIdentity >= _configuration.NonCooperativeAfterScans)
        {
            track.NonCooperative = true;
        }

        _housekeeping.CheckZonesAfterUpdate(track, now);
        _housekeeping.ReportIfDue(track, now);
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

    public void StartFromPlot(int p, long now)
    {
        PlotGeometry plot = _geometry[p];
        long time = _plots[p].TimeUnixMicroseconds;
        Track track = _table.Allocate(time, now);
        if (track == null)
        {
            return;
        }

        InitialiseAtPlot(track.Filter, plot, time, 0, 0);
        track.Filter.TargetClass = _configuration.TentativeTargetClass;
        track.BirthEast = track.Filter.Horizontal.Mean[0];
        track.BirthNorth = track.Filter.Horizontal.Mean[1];
        // The plot's larger variance, range or cross-range: the displacement rule's and continuity's scale.
        track.BirthVariance = plot.LargerVariance;
        plot.Used = true;
        // The track starts at the band's middle with the band's variance (the bias, carried once).
        _heights.AssumeHeight(track, _geometry[p]);
        _heights.EstimateHeight(track, _geometry[p], _plots[p].TimeUnixMicroseconds);
        ApplyPlotIdentity(track, p);
        RecordRadarHit(track, ref _plots[p], now);
    }

    public void RestartAtPlot(Track track, int p)
    {
        PlotGeometry plot = _geometry[p];
        TrackFilter filter = track.Filter;
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

    // A track born of a height-less plot starts with the plot's own covariance: along the ray the
    // height band's kilometres of ground range, across it the azimuth's tens of metres. The larger
    // of the two on both axes made it as uncertain across the ray as along it, so its second plot,
    // and its velocity, could come from anywhere in a kilometre-wide disc. A plot with its own
    // height keeps the larger variance on both axes: started with its own covariance, the tracks
    // of jet-formation's sea clutter (plots with their height) passed the confirmation's velocity
    // test more often and two more were confirmed in 51 runs (Tracking README).
    private void InitialiseAtPlot(TrackFilter filter, PlotGeometry plot, long time, long velocityEast, long velocityNorth)
    {
        long velocityVariance = TrackerUnits.VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
        if (plot.HasOwnHeight)
        {
            filter.Initialise(time, plot.East, plot.North, plot.LargerVariance, velocityEast, velocityNorth, velocityVariance);
            return;
        }

        int saturations = 0;
        plot.PlaneCovariance(out long varianceEast, out long covarianceEastNorth, out long varianceNorth, ref saturations);
        _counters.Saturations += saturations;
        filter.InitialiseWithCovariance(time, plot.East, plot.North, varianceEast, covarianceEastNorth, varianceNorth, velocityEast, velocityNorth, velocityVariance);
    }

    // The coasting track continues with the new track's state and evidence; the new one is dropped.
    private void Resume(Track resumed, Track found, long now)
    {
        _continuity.Resume(resumed, found);
        _table.Drop(found, now);
        _classifier.ChooseTargetClass(resumed);
    }
}

using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Registration;

namespace Picket.Tracking;

/// <summary>
/// Radar registration against ADS-B (<see cref="RadarRegistration"/>): plots associated with
/// tracks that fresh ADS-B positions feed teach each radar its range/azimuth bias and its real
/// noise; once a radar has enough of them, its plots are corrected by the bias and carry the
/// learned sigmas instead of the configured ones (a data sheet's figure, or a guess). Without
/// ADS-B, established radar tracks' innovations teach the noise alone. Works on the radar batch's
/// plot arrays (index p), which the tracker owns.
/// </summary>
internal sealed class RegistrationUpdater
{
    private const long MicrodegreesPerTurn = 360_000_000L;

    // 180/π × 10⁶, rounded.
    private const long MicrodegreesPerRadian = 57_295_780L;
    private readonly TrackerConfiguration _configuration;
    private readonly MastPlane _plane;
    private readonly RadarSiteTable _radarSites;
    private readonly RadarMeasurement[] _plots;
    private readonly PlotGeometry[] _geometry;
    private readonly Filter.TrackFilter _scratch;
    private readonly TrackerCounters _counters;
    private readonly RadarRegistration _registration;
    private readonly AdsbLatency _latency;
    private readonly PlotDifferenceNoise _differences;
    private readonly long[] _measuredRangeMillimetres;
    private readonly int[] _measuredAzimuthMicrodegrees;

    /// <summary>Allocates the registration state for the batch's plots.</summary>
    /// <param name="configuration">Registration settings and the batch size.</param>
    /// <param name="plane">The mast plane.</param>
    /// <param name="radarSites">Each radar's slot.</param>
    /// <param name="plots">The radar batch's plots (corrected in place).</param>
    /// <param name="geometry">The batch's placed plots.</param>
    /// <param name="scratch">The tracker's scratch filter.</param>
    /// <param name="latency">Learns how late ADS-B positions are from the same residuals.</param>
    /// <param name="counters">Saturations are counted here.</param>
    public RegistrationUpdater(TrackerConfiguration configuration, MastPlane plane, RadarSiteTable radarSites, RadarMeasurement[] plots, PlotGeometry[] geometry, Filter.TrackFilter scratch, AdsbLatency latency, TrackerCounters counters)
    {
        _latency = latency;
        _configuration = configuration;
        _plane = plane;
        _radarSites = radarSites;
        _plots = plots;
        _geometry = geometry;
        _scratch = scratch;
        _counters = counters;
        _registration = new RadarRegistration(configuration.RadarCapacity, configuration.RegistrationMinimumSamples, configuration.RegistrationForgettingShift, configuration.RegistrationMaximumRangeResidualMillimetres, configuration.RegistrationMaximumAzimuthResidualMicrodegrees);
        _differences = new PlotDifferenceNoise(configuration.RadarCapacity, configuration.RegistrationDifferenceWindow, configuration.RegistrationDifferenceMinimumSamples);
        _measuredRangeMillimetres = new long[configuration.PlotsPerBatch];
        _measuredAzimuthMicrodegrees = new int[configuration.PlotsPerBatch];
    }

    /// <summary>What has been learned of each radar from ADS-B-fed aircraft.</summary>
    public RadarRegistration Registration => _registration;

    /// <summary>What has been learned of each radar's noise from its tracks' plot differences.</summary>
    public PlotDifferenceNoise Differences => _differences;

    // Before a plot is placed: remember what the radar measured, then correct it with what the
    // registration has learned of that radar (bias removed, learned sigmas).
    public void CorrectPlot(int p)
    {
        _measuredRangeMillimetres[p] = _plots[p].RangeMillimetres;
        _measuredAzimuthMicrodegrees[p] = _plots[p].AzimuthMicrodegrees;
        if (!_configuration.RadarRegistration || _plots[p].HasPosition)
        {
            return;
        }

        int slot = _radarSites.SlotOf(_plots[p].SensorId);
        if (slot < 0)
        {
            return;
        }

        if (!_registration.HasEstimate(slot))
        {
            // No ADS-B reference yet: the noise the established tracks' plots show (their third
            // differences, which no assumed noise biases), else their innovations, if any.
            long rangeSigma = _differences.RangeSigmaMillimetres(slot);
            long azimuthSigma = _differences.AzimuthSigmaMicrodegrees(slot);
            if (_registration.HasInnovationEstimate(slot))
            {
                if (rangeSigma == 0)
                {
                    rangeSigma = _registration.InnovationRangeSigmaMillimetres(slot);
                }

                if (azimuthSigma == 0)
                {
                    azimuthSigma = _registration.InnovationAzimuthSigmaMicrodegrees(slot);
                }
            }

            if (rangeSigma > 0)
            {
                _plots[p].SigmaRangeMillimetres = (int)(rangeSigma > _configuration.RegistrationMinimumRangeSigmaMillimetres ? rangeSigma : _configuration.RegistrationMinimumRangeSigmaMillimetres);
            }

            if (azimuthSigma > 0)
            {
                _plots[p].SigmaAzimuthMicrodegrees = (int)(azimuthSigma > _configuration.RegistrationMinimumAzimuthSigmaMicrodegrees ? azimuthSigma : _configuration.RegistrationMinimumAzimuthSigmaMicrodegrees);
            }

            return;
        }

        long azimuth = (_plots[p].AzimuthMicrodegrees - _registration.AzimuthBiasMicrodegrees(slot)) % MicrodegreesPerTurn;
        _plots[p].AzimuthMicrodegrees = (int)(azimuth < 0 ? azimuth + MicrodegreesPerTurn : azimuth);
        long range = _plots[p].RangeMillimetres - _registration.RangeBiasMillimetres(slot);
        _plots[p].RangeMillimetres = range > 1 ? range : 1;
        long sigmaRange = _registration.RangeSigmaMillimetres(slot);
        long sigmaAzimuth = _registration.AzimuthSigmaMicrodegrees(slot);
        _plots[p].SigmaRangeMillimetres = (int)(sigmaRange > _configuration.RegistrationMinimumRangeSigmaMillimetres ? sigmaRange : _configuration.RegistrationMinimumRangeSigmaMillimetres);
        _plots[p].SigmaAzimuthMicrodegrees = (int)(sigmaAzimuth > _configuration.RegistrationMinimumAzimuthSigmaMicrodegrees ? sigmaAzimuth : _configuration.RegistrationMinimumAzimuthSigmaMicrodegrees);
    }

    // A plot associated with a track that fresh ADS-B feeds, with a known height: the residual of
    // what the radar measured against where the ADS-B-held state puts the aircraft. Otherwise, a
    // plot of an established radar track: its innovation, for the radar's noise alone.
    public void LearnRegistration(Track track, int p)
    {
        long time = _plots[p].TimeUnixMicroseconds;
        PlotGeometry plot = _geometry[p];
        if (!_configuration.RadarRegistration || plot.IsPosition || track.Filter.TimeMicroseconds - time > _configuration.MaxLatenessMicroseconds)
        {
            return;
        }

        LearnDifferences(track, p);

        if (track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds)
        {
            if (track.Status == TrackStatus.Confirmed && track.RadarHits >= _configuration.RegistrationInnovationMinimumHits)
            {
                LearnInnovation(track, p);
            }

            return;
        }

        if (!track.Filter.HasVertical || track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds
            || time - track.LastAdsbPositionMicroseconds > _configuration.RegistrationAdsbFreshnessMicroseconds
            || track.LastAdsbPositionMicroseconds - time > _configuration.RegistrationAdsbFreshnessMicroseconds
            || track.Filter.TimeMicroseconds - time > _configuration.MaxLatenessMicroseconds)
        {
            return;
        }

        int slot = _radarSites.SlotOf(_plots[p].SensorId);
        if (slot < 0)
        {
            return;
        }

        // The reference is the aircraft's own last ADS-B position moved along the track's
        // velocity to the plot's time, not the track's estimate: that one the radar's own
        // (biased) plots have already pulled towards themselves.
        if (!track.HasLastGeodetic)
        {
            return;
        }

        int saturations = 0;
        long slant = FixedPoint.DivideShift(_measuredRangeMillimetres[p], 1000, Q31x32.FractionBits, ref saturations);
        if (_plane.TryGroundRange(slant, plot.RadarHeight, track.Filter.Vertical.Mean[0], plot.Sine, plot.Cosine, out long measuredRange, ref saturations))
        {
            // The latency is learned against the fix as received; the bias against the fix moved
            // on by the latency learned so far (a lagging fix would otherwise read as a bias).
            ReferenceAt(track, time, plot, out long east, out long north, ref saturations);
            Polar(east, north, out long referenceRange, out long referenceAzimuth, ref saturations);
            long rangeResidual = measuredRange - referenceRange;
            long azimuthResidual = RadarRegistration.WrapAzimuth(_measuredAzimuthMicrodegrees[p] - referenceAzimuth);
            if (_configuration.AdsbLatencyEstimate && !_registration.IsGrossError(Q31x32.ToScaledInteger(rangeResidual, 1000, ref saturations), azimuthResidual))
            {
                long velocityEast = track.Filter.Horizontal.Mean[2];
                long velocityNorth = track.Filter.Horizontal.Mean[3];
                _latency.Observe(rangeResidual, azimuthResidual, east, north, velocityEast, velocityNorth, plot.BaseRangeVariance, plot.CrossRangeVariance);
                _counters.Saturations += _latency.TakeSaturations();
                if (_latency.Microseconds != 0)
                {
                    long latency = Q31x32.FromMicroseconds(_latency.Microseconds, ref saturations);
                    Polar(east + Q31x32.Multiply(velocityEast, latency, ref saturations), north + Q31x32.Multiply(velocityNorth, latency, ref saturations), out referenceRange, out referenceAzimuth, ref saturations);
                }
            }

            _registration.Observe(slot, Q31x32.ToScaledInteger(measuredRange, 1000, ref saturations), _measuredAzimuthMicrodegrees[p], Q31x32.ToScaledInteger(referenceRange, 1000, ref saturations), referenceAzimuth);
        }

        _counters.Saturations += saturations;
    }

    // The aircraft's last ADS-B fix moved along the track's velocity to the plot's time, relative
    // to the radar (Q31.32 m).
    private void ReferenceAt(Track track, long time, PlotGeometry plot, out long east, out long north, ref int saturations)
    {
        _plane.ToPlane(track.LastLatitudeRadians, track.LastLongitudeRadians, out east, out north, ref saturations);
        long elapsed = Q31x32.FromMicroseconds(time - track.LastAdsbPositionMicroseconds, ref saturations);
        east += Q31x32.Multiply(track.Filter.Horizontal.Mean[2], elapsed, ref saturations) - plot.RadarEast;
        north += Q31x32.Multiply(track.Filter.Horizontal.Mean[3], elapsed, ref saturations) - plot.RadarNorth;
    }

    // Ground range (Q31.32 m) and azimuth (µdeg) of a point relative to the radar.
    private static void Polar(long east, long north, out long range, out long azimuth, ref int saturations)
    {
        range = FixedPoint.Hypotenuse(east, north, ref saturations);
        azimuth = Q2x61.ToDegreesE7(Trigonometry.Atan2(east, north), ref saturations) / 10;
    }

    // The track's last four plots from one radar, as that radar measured them (slant range and
    // azimuth before any correction): after RegistrationDifferenceMinimumHits, once the track shows
    // its motion (ShowsMotion), their third differences are samples of the radar's noise
    // (PlotDifferenceNoise). A plot from another radar, or after a gap of more than
    // RegistrationDifferenceMaximumGapScans scans, starts the history again.
    private void LearnDifferences(Track track, int p)
    {
        int sensor = _plots[p].SensorId;
        long time = _plots[p].TimeUnixMicroseconds;
        int n = track.DifferencePlots;
        if (n > 0)
        {
            long last = track.DifferenceTimes[n - 1];
            if (time <= last)
            {
                return;
            }

            long scan = _radarSites.ScanPeriodOf(sensor, _configuration.ScanPeriodMicroseconds);
            if (track.DifferenceSensorId != sensor || time - last > (_configuration.RegistrationDifferenceMaximumGapScans * scan) + (scan / 2))
            {
                n = 0;
            }
        }

        long azimuth = _measuredAzimuthMicrodegrees[p];
        if (n > 0)
        {
            azimuth = track.DifferenceAzimuths[n - 1] + RadarRegistration.WrapAzimuth(azimuth - track.DifferenceAzimuths[n - 1]);
        }

        if (n == 4)
        {
            for (int i = 0; i < 3; i++)
            {
                track.DifferenceTimes[i] = track.DifferenceTimes[i + 1];
                track.DifferenceRanges[i] = track.DifferenceRanges[i + 1];
                track.DifferenceAzimuths[i] = track.DifferenceAzimuths[i + 1];
            }

            n = 3;
        }

        track.DifferenceTimes[n] = time;
        track.DifferenceRanges[n] = _measuredRangeMillimetres[p];
        track.DifferenceAzimuths[n] = azimuth;
        track.DifferenceSensorId = sensor;
        track.DifferencePlots = n + 1;
        if (n != 3 || track.RadarHits < _configuration.RegistrationDifferenceMinimumHits || !ShowsMotion(track))
        {
            return;
        }

        int slot = _radarSites.SlotOf(sensor);
        if (slot < 0)
        {
            return;
        }

        if (PlotDifferenceNoise.TryThirdDifference(track.DifferenceTimes, track.DifferenceRanges, out long rangeSample))
        {
            _differences.ObserveRange(slot, rangeSample);
        }

        if (_measuredRangeMillimetres[p] >= _configuration.RegistrationInnovationMinimumRangeMillimetres
            && PlotDifferenceNoise.TryThirdDifference(track.DifferenceTimes, track.DifferenceAzimuths, out long azimuthSample))
        {
            _differences.ObserveAzimuth(slot, azimuthSample);
        }
    }

    // A track whose plot differences may teach the radar's noise: confirmed, or tentative and moving
    // (its velocity significant, or its estimate half the confirmation displacement from its first
    // plot at its last two scans; a persistent reflector's track seldom is either).
    private static bool ShowsMotion(Track track) =>
        track.Status == TrackStatus.Confirmed || track.VelocitySignificant || (track.DisplacedHalfway && track.DisplacedHalfwayBefore);

    // Innovation of an established radar track's plot, in ground range (plots with a height of
    // their own only: an assumed height's bias is no noise) and azimuth, less the prediction's
    // own variance along each: one sample of the radar's noise variance.
    private void LearnInnovation(Track track, int p)
    {
        PlotGeometry plot = _geometry[p];
        int slot = _radarSites.SlotOf(_plots[p].SensorId);
        if (slot < 0)
        {
            return;
        }

        int saturations = 0;
        PredictScratchTo(track, _plots[p].TimeUnixMicroseconds, out long east, out long north, ref saturations);
        east -= plot.RadarEast;
        north -= plot.RadarNorth;
        long range = FixedPoint.Hypotenuse(east, north, ref saturations);
        long rangeMillimetres = Q31x32.ToScaledInteger(range, 1000, ref saturations);
        if (rangeMillimetres < _configuration.RegistrationInnovationMinimumRangeMillimetres)
        {
            // Close to the radar the azimuth of a position error is meaningless.
            return;
        }

        long predictedAzimuth = Q2x61.ToDegreesE7(Trigonometry.Atan2(east, north), ref saturations) / 10;
        long azimuthResidual = RadarRegistration.WrapAzimuth(_measuredAzimuthMicrodegrees[p] - predictedAzimuth);

        // Predicted covariance along and across the ray: u = (sin θ, cos θ), w = (cos θ, -sin θ).
        _scratch.Horizontal.PositionVariancesInFrame(plot.Sine, plot.Cosine, out long alongVariance, out long acrossVariance, ref saturations);

        // Q39.24 m² to mm², then across-ray mm² to µdeg² in steps that keep 64 bits: / r × K / r × K.
        long acrossSquareMillimetres = FixedPoint.MultiplyShift(acrossVariance, 1_000_000, Q39x24.FractionBits, ref saturations);
        long acrossSquareMicrodegrees = (((acrossSquareMillimetres / rangeMillimetres) * MicrodegreesPerRadian) / rangeMillimetres) * MicrodegreesPerRadian;
        long azimuthSample = (azimuthResidual * azimuthResidual) - acrossSquareMicrodegrees;
        long rangeSample = long.MinValue;
        // Only where the height moves the ground range little (not near the zenith): the noise
        // learned is the radar's, not the height's.
        if (plot.HasOwnHeight && plot.RangeVariance <= 2 * plot.BaseRangeVariance)
        {
            long rangeResidual = Q31x32.ToScaledInteger(plot.GroundRange - range, 1000, ref saturations);
            long alongSquareMillimetres = FixedPoint.MultiplyShift(alongVariance, 1_000_000, Q39x24.FractionBits, ref saturations);
            rangeSample = (rangeResidual * rangeResidual) - alongSquareMillimetres;
        }

        _registration.ObserveInnovation(slot, rangeSample, azimuthSample);
        _counters.Saturations += saturations;
    }

    // The track's state at a plot's time in the scratch filter (predicted, or moved back along its
    // velocity when the track is already past the plot): plane east and north, Q31.32 m.
    private void PredictScratchTo(Track track, long time, out long east, out long north, ref int saturations)
    {
        _scratch.CopyFrom(track.Filter);
        long late = 0;
        if (_scratch.TimeMicroseconds <= time)
        {
            _scratch.Predict(time);
        }
        else
        {
            late = Q31x32.FromMicroseconds(_scratch.TimeMicroseconds - time, ref saturations);
        }

        east = _scratch.Horizontal.Mean[0] - Q31x32.Multiply(_scratch.Horizontal.Mean[2], late, ref saturations);
        north = _scratch.Horizontal.Mean[1] - Q31x32.Multiply(_scratch.Horizontal.Mean[3], late, ref saturations);
    }
}

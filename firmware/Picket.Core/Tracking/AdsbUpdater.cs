using Picket.Geodesy;
using Picket.ModeS;
using Picket.Numerics;
using Picket.Tracking.Measurements;
using Picket.Tracking.Registration;

namespace Picket.Tracking;

/// <summary>
/// The ADS-B (and Mode S) updater: identity by ICAO address, positions and velocities into the
/// filter with the aircraft's own NACp/NIC/NACv, gated once the track is established
/// (<see cref="AdsbPositionGate"/>), pressure altitude converted to geometric height (the
/// aircraft's GNSS-baro difference, else ISA with its uncertainty). Relayed messages (TIS-B,
/// ADS-R) and addresses that appear beside an established non-cooperative track never make a
/// track cooperative (<see cref="CooperativeIdentityPolicy"/>).
/// </summary>
internal sealed class AdsbUpdater
{
    private readonly TrackerConfiguration _configuration;
    private readonly MastPlane _plane;
    private readonly Track[] _tracks;
    private readonly Filter.TrackFilter _scratch;
    private readonly MeasurementTiming _timing;
    private readonly CoarseGate _coarseGate;
    private readonly TargetClassifier _classifier;
    private readonly TrackerCounters _counters;
    private readonly long _minimumSpreadSpeedSquared;

    /// <summary>Creates the role over the track table's slots.</summary>
    /// <param name="configuration">ADS-B noise, gates and confirmation.</param>
    /// <param name="plane">The mast plane.</param>
    /// <param name="tracks">The track slots (searched for a track an address may adopt).</param>
    /// <param name="scratch">The tracker's scratch filter.</param>
    /// <param name="timing">Prediction and lateness.</param>
    /// <param name="coarseGate">The coarse gate.</param>
    /// <param name="classifier">Chooses the class when the emitter category changes.</param>
    /// <param name="counters">Counts rejects, restarts, disagreements, saturations.</param>
    public AdsbUpdater(TrackerConfiguration configuration, MastPlane plane, Track[] tracks, Filter.TrackFilter scratch, MeasurementTiming timing, CoarseGate coarseGate, TargetClassifier classifier, TrackerCounters counters)
    {
        _configuration = configuration;
        _plane = plane;
        _tracks = tracks;
        _scratch = scratch;
        _timing = timing;
        _coarseGate = coarseGate;
        _classifier = classifier;
        _counters = counters;
        Latency = new AdsbLatency(configuration.AdsbLatencyForgettingShift, configuration.AdsbLatencyMaximumSigmaMicroseconds, configuration.AdsbLatencyMinimumMicroseconds, configuration.AdsbLatencySignificanceSigmas, configuration.AdsbLatencyMaximumMicroseconds);
        TimingSpread = new AdsbTimingSpread(configuration.AdsbTimingSpreadForgettingShift, configuration.AdsbTimingSpreadMinimumSamples, configuration.AdsbTimingSpreadMaximumMicroseconds);
        long minimumSpeed = Q31x32.FromInteger(configuration.AdsbTimingSpreadMinimumSpeedMetresPerSecond);
        int saturations = 0;
        _minimumSpreadSpeedSquared = FixedPoint.MultiplyShift(minimumSpeed, minimumSpeed, 40, ref saturations);
    }

    /// <summary>How late the ADS-B positions are, learned from radar plots (the registration updater feeds it).</summary>
    public AdsbLatency Latency { get; }

    /// <summary>How much the lateness of ADS-B positions varies, learned from the positions themselves.</summary>
    public AdsbTimingSpread TimingSpread { get; }

    // Returns true when the track's identity changed (reported at once).
    public bool ApplyIdentity(Track track, ref ModeSObservation observation)
    {
        bool changed = false;
        if (observation.HasCallsign && (!track.HasCallsign || track.CallsignCharacters != observation.CallsignCharacters))
        {
            track.HasCallsign = true;
            track.CallsignCharacters = observation.CallsignCharacters;
            track.Callsign = CallsignText(observation.CallsignCharacters);
            changed = true;
        }

        if (observation.HasSquawk && (!track.HasMode3A || track.Mode3A != observation.Squawk))
        {
            changed = true;
            track.HasMode3A = true;
            track.Mode3A = observation.Squawk;
        }

        if (observation.HasEmitterCategory && observation.EmitterCategorySet >= 1 && observation.EmitterCategorySet <= 4)
        {
            // Set 1..4 is A..D; category 0 means "no information" and is not reported.
            int code = (observation.EmitterCategorySet * 8) + observation.EmitterCategory;
            if (observation.EmitterCategory != 0 && code != track.EmitterCategoryCode)
            {
                // The text is built only when the category changes: no allocation per message.
                track.EmitterCategoryCode = code;
                track.EmitterCategory = new string(new char[] { (char)('A' + observation.EmitterCategorySet - 1), (char)('0' + observation.EmitterCategory) });
                _classifier.ChooseTargetClass(track);
                changed = true;
            }
        }

        return changed;
    }

    // Q39.24 variance of an ADS-B position: the aircraft's latest NACp (a 95 % accuracy), else
    // the configured default bounded by the message's NIC (an integrity radius, far wider than
    // the usual error: it only caps the default); CPR quantisation added in quadrature.
    public long AdsbPositionVariance(Track track, ref ModeSObservation observation)
    {
        int sigma = 0;
        if (track != null && track.HasNacP)
        {
            sigma = AdsbQuality.PositionSigmaFromNacPMillimetres(track.NacP);
        }

        if (sigma == 0)
        {
            sigma = _configuration.AdsbPositionSigmaMillimetres;
            if (observation.PositionSigmaMillimetres > 0 && observation.PositionSigmaMillimetres < sigma)
            {
                sigma = observation.PositionSigmaMillimetres;
            }
        }

        return TrackerUnits.VarianceFromSigmaMillimetres(AdsbQuality.RootSumSquare(sigma, _configuration.AdsbCprQuantisationSigmaMillimetres));
    }

    public bool ApplyAdsbPosition(Track track, ref ModeSObservation observation)
    {
        ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
        if (!_timing.PrepareFilter(track, observation.TimeUnixMicroseconds, out long lateSeconds))
        {
            return false;
        }

        MoveByLatencyChange(track);

        // A late position is moved forward along the track's velocity to the estimate's time, and
        // by the learned latency: the position was applicable that long before it was received.
        // (Nothing is learned, and the latency stays 0, with AdsbLatencyEstimate off.)
        int saturations = 0;
        lateSeconds += Q31x32.FromMicroseconds(Latency.Microseconds, ref saturations);

        east += Q31x32.Multiply(track.Filter.Horizontal.Mean[2], lateSeconds, ref saturations);
        north += Q31x32.Multiply(track.Filter.Horizontal.Mean[3], lateSeconds, ref saturations);
        _counters.Saturations += saturations;
        long variance = AdsbPositionVariance(track, ref observation);
        bool distrusted = observation.TimeUnixMicroseconds < track.DistrustAdsbUntilMicroseconds;
        bool established = track.AdsbPositions >= _configuration.AdsbGateAfterPositions;
        long alongVariance = AlongTrackVariance(track, east, north, variance, established && !distrusted, out long sine, out long cosine);
        if (distrusted || established)
        {
            _scratch.CopyFrom(track.Filter);
            long nis = UpdatePosition(_scratch, east, north, variance, alongVariance, sine, cosine);
            int run = track.ConsecutiveAdsbRejects > 0 && AgreesWithPreviousReject(track, east, north, variance) ? track.ConsecutiveAdsbRejects : 0;
            AdsbGateDecision decision = AdsbPositionGate.Decide(nis, _configuration.AdsbGateNis, run, _configuration.AdsbRejectsBeforeRestart);
            if (decision != AdsbGateDecision.Accept && distrusted)
            {
                // Radar contradicted this aircraft's ADS-B: keep the radar-held state (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                _counters.AdsbRadarDisagreements++;
                return false;
            }

            if (decision == AdsbGateDecision.Reject)
            {
                _counters.AdsbPositionsRejected++;
                track.ConsecutiveAdsbRejects = run + 1;
                track.LastAdsbRejectEast = east;
                track.LastAdsbRejectNorth = north;
                track.LastAdsbRejectMicroseconds = track.Filter.TimeMicroseconds;
                return false;
            }

            if (decision == AdsbGateDecision.Restart)
            {
                _counters.AdsbPositionsRejected++;
                _counters.AdsbTrackRestarts++;
                track.ConsecutiveAdsbRejects = 0;
                RestartAtAdsbPosition(track.Filter, east, north, variance);
                RecordAdsbFix(track, observation.TimeUnixMicroseconds, latitude, longitude);
                return true;
            }
        }

        track.ConsecutiveAdsbRejects = 0;
        track.LastNis = UpdatePosition(track.Filter, east, north, variance, alongVariance, sine, cosine);
        RecordAdsbFix(track, observation.TimeUnixMicroseconds, latitude, longitude);
        return true;
    }

    // A track whose estimate was built from ADS-B positions moved by one latency, now that another
    // is applied: the aircraft is where those positions put it moved along its velocity by the
    // difference. A track without ADS-B positions yet takes the latency as it finds it.
    private void MoveByLatencyChange(Track track)
    {
        long latency = Latency.Microseconds;
        long change = latency - track.AdsbLatencyAppliedMicroseconds;
        track.AdsbLatencyAppliedMicroseconds = latency;
        if (change == 0 || track.AdsbPositions == 0 || !_configuration.AdsbLatencyMovesTracks)
        {
            return;
        }

        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(change, ref saturations);
        long[] mean = track.Filter.Horizontal.Mean;
        track.Filter.Translate(Q31x32.Multiply(mean[2], seconds, ref saturations), Q31x32.Multiply(mean[3], seconds, ref saturations));
        _counters.Saturations += saturations;
    }

    // A position into a filter: east and north with its own variance, or along and across the
    // track's velocity when the learned timing spread adds variance along it.
    private long UpdatePosition(Filter.TrackFilter filter, long east, long north, long variance, long alongVariance, long sine, long cosine) =>
        alongVariance > variance
            ? filter.UpdatePositionInFrame(east, north, sine, cosine, alongVariance, variance)
            : AddNis(filter.UpdateEast(east, variance), filter.UpdateNorth(north, variance));

    // The position's variance along the track's velocity: its own plus the learned timing spread's
    // (v²σ_τ²); the track's direction comes out as sine (east) and cosine (north). A moving,
    // established track's innovation teaches the spread first (learn).
    private long AlongTrackVariance(Track track, long east, long north, long variance, bool learn, out long sine, out long cosine)
    {
        sine = 0;
        cosine = Q2x61.One;
        if (!_configuration.AdsbTimingSpreadEstimate)
        {
            return variance;
        }

        int saturations = 0;
        long[] mean = track.Filter.Horizontal.Mean;
        long speedSquared = FixedPoint.Add(FixedPoint.MultiplyShift(mean[2], mean[2], 40, ref saturations), FixedPoint.MultiplyShift(mean[3], mean[3], 40, ref saturations), ref saturations);
        if (speedSquared < _minimumSpreadSpeedSquared)
        {
            _counters.Saturations += saturations;
            return variance;
        }

        long speed = FixedPoint.Hypotenuse(mean[2], mean[3], ref saturations);
        sine = FixedPoint.DivideShift(mean[2], speed, Q2x61.FractionBits, ref saturations);
        cosine = FixedPoint.DivideShift(mean[3], speed, Q2x61.FractionBits, ref saturations);
        if (learn)
        {
            long differenceEast = FixedPoint.Subtract(east, mean[0], ref saturations);
            long differenceNorth = FixedPoint.Subtract(north, mean[1], ref saturations);
            Filter.DirectionFrame.Project(differenceEast, differenceNorth, sine, cosine, out long along, out long across, ref saturations);
            track.Filter.Horizontal.PositionVariancesInFrame(sine, cosine, out long alongPredicted, out long acrossPredicted, ref saturations);
            TimingSpread.Observe(along, across, alongPredicted, acrossPredicted, variance, speedSquared, _configuration.AdsbGateNis);
            saturations += TimingSpread.TakeSaturations();
        }

        long alongVariance = FixedPoint.Add(variance, TimingSpread.AlongTrackVariance(speedSquared), ref saturations);
        saturations += TimingSpread.TakeSaturations();
        _counters.Saturations += saturations;
        return alongVariance;
    }

    // The position (at the filter's time) agrees with the track's previous rejected one.
    private bool AgreesWithPreviousReject(Track track, long east, long north, long variance)
    {
        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(track.Filter.TimeMicroseconds - track.LastAdsbRejectMicroseconds, ref saturations);
        long velocityVariance = track.Filter.Horizontal.CovarianceAt(2, 2) > track.Filter.Horizontal.CovarianceAt(3, 3) ? track.Filter.Horizontal.CovarianceAt(2, 2) : track.Filter.Horizontal.CovarianceAt(3, 3);
        bool agrees = AdsbPositionGate.AgreesWithPreviousReject(east, north, track.LastAdsbRejectEast, track.LastAdsbRejectNorth, seconds, track.Filter.Horizontal.Mean[2], track.Filter.Horizontal.Mean[3], variance, velocityVariance, _configuration.AdsbGateNis, ref saturations);
        _counters.Saturations += saturations;
        return agrees;
    }

    // The horizontal channel restarts at an ADS-B position (velocity kept, its variance reopened);
    // the vertical channel is kept as it was.
    private void RestartAtAdsbPosition(Filter.TrackFilter filter, long east, long north, long variance)
    {
        bool hadVertical = filter.HasVertical;
        long height = filter.Vertical.Mean[0];
        long rate = filter.Vertical.Mean[1];
        long heightVariance = filter.Vertical.CovarianceAt(0, 0);
        long rateVariance = filter.Vertical.CovarianceAt(1, 1);
        long velocityVariance = TrackerUnits.VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
        filter.Initialise(filter.TimeMicroseconds, east, north, variance, filter.Horizontal.Mean[2], filter.Horizontal.Mean[3], velocityVariance);
        if (hadVertical)
        {
            filter.InitialiseVertical(height, heightVariance, rate, rateVariance);
        }
    }

    // An ADS-B position went into the track's filter (latitude/longitude Q2.61 radians).
    public static void RecordAdsbFix(Track track, long time, long latitude, long longitude)
    {
        track.AdsbPositions++;
        track.LastAdsbPositionMicroseconds = time;
        track.LastLatitudeRadians = latitude;
        track.LastLongitudeRadians = longitude;
        track.HasLastGeodetic = true;
    }

    public bool ApplyAdsbVelocity(Track track, ref ModeSObservation observation)
    {
        if (!_timing.PrepareFilter(track, observation.TimeUnixMicroseconds, out _))
        {
            return false;
        }

        if (observation.TimeUnixMicroseconds < track.DistrustAdsbUntilMicroseconds)
        {
            return false;
        }

        int saturations = 0;
        long latitude = track.LastLatitudeRadians;
        long longitude = track.LastLongitudeRadians;
        if (!track.HasLastGeodetic)
        {
            _plane.ToGeodetic(track.Filter.Horizontal.Mean[0], track.Filter.Horizontal.Mean[1], out latitude, out longitude, ref saturations);
        }

        // DO-260B velocities are against local east/north at the aircraft's height; the plane's
        // axes differ away from the mast, and its ground lies below the aircraft. (The height is
        // the vertical channel's, converted from pressure altitude; 1 km off would be 0.016 % of
        // the speed.)
        _plane.VelocityToPlane(latitude, longitude, track.Filter.HeightOrZero, TrackerUnits.FromMillimetres(observation.VelocityEastMillimetresPerSecond), TrackerUnits.FromMillimetres(observation.VelocityNorthMillimetresPerSecond), out long planeEast, out long planeNorth, ref saturations);
        _counters.Saturations += saturations;
        int sigma = observation.HasNacV ? AdsbQuality.VelocitySigmaFromNacVMillimetresPerSecond(observation.NacV) : 0;
        if (sigma == 0)
        {
            sigma = _configuration.AdsbVelocitySigmaMillimetresPerSecond;
        }

        if (sigma < _configuration.AdsbVelocitySigmaFloorMillimetresPerSecond)
        {
            sigma = _configuration.AdsbVelocitySigmaFloorMillimetresPerSecond;
        }

        long variance = TrackerUnits.VarianceFromSigmaMillimetres(sigma);
        track.Filter.UpdateVelocityEast(planeEast, variance);
        track.Filter.UpdateVelocityNorth(planeNorth, variance);
        track.AdsbVelocities++;
        return true;
    }

    // Mode C or ADS-B barometric altitude: kept as pressure altitude (reports, Mode C checks) and
    // converted to geometric height for the filter with the aircraft's own GNSS-baro difference,
    // else the standard atmosphere and its uncertainty.
    public void ApplyPressureAltitude(Track track, int altitudeFeet, long time)
    {
        track.HasPressureAltitude = true;
        track.PressureAltitudeFeet = altitudeFeet;
        long height;
        int conversionSigma;
        if (track.HasGeometricMinusBarometric)
        {
            height = PressureAltitudeConversion.WithDifference(altitudeFeet, track.GeometricMinusBarometricMillimetres);
            conversionSigma = _configuration.GeometricMinusBarometricSigmaMillimetres;
        }
        else
        {
            height = PressureAltitudeConversion.StandardAtmosphere(altitudeFeet);
            conversionSigma = PressureAltitudeConversion.StandardAtmosphereSigmaMillimetres(altitudeFeet, _configuration.IsaSurfaceSigmaMillimetres, _configuration.IsaSigmaPartsPerThousand);
        }

        ApplyGeometricHeight(track, height, _configuration.AltitudeSigmaMillimetres, conversionSigma, time);
    }

    // A geometric height (mm) into the vertical channel with its measurement noise; biasSigma is
    // an error common to every height of this aircraft (the pressure/geometric conversion): it is
    // not averaged away, so the height variance is never let below it.
    public void ApplyGeometricHeight(Track track, long heightMillimetres, int noiseSigmaMillimetres, int biasSigmaMillimetres, long time)
    {
        long height = TrackerUnits.FromMillimetres(heightMillimetres);
        long variance = TrackerUnits.VarianceFromSigmaMillimetres(noiseSigmaMillimetres);
        long floor = TrackerUnits.VarianceFromSigmaMillimetres(biasSigmaMillimetres);
        Filter.TrackFilter filter = track.Filter;
        if (!filter.HasVertical)
        {
            filter.InitialiseVertical(height, variance + floor, 0, TrackerUnits.VarianceFromSigmaMillimetres(_configuration.InitialVerticalRateSigmaMillimetresPerSecond));
            return;
        }

        if (filter.TimeMicroseconds != time && !_timing.PrepareFilter(track, time, out _))
        {
            return;
        }

        filter.UpdateHeight(height, variance);
        if (filter.Vertical.CovarianceAt(0, 0) < floor)
        {
            filter.InitialiseVertical(filter.Vertical.Mean[0], floor, filter.Vertical.Mean[1], filter.Vertical.CovarianceAt(1, 1));
        }
    }

    // A radar plot associated by kinematics with an ADS-B-fed track (RadarAdsbAgreement).
    public void CheckKinematicAgreement(Track track, long nis)
    {
        int saturations = 0;
        bool disagrees = RadarAdsbAgreement.AddPlot(ref track.KinematicPlotNisSum, ref track.KinematicPlotCount, nis, _configuration.KinematicDisagreementWindowPlots, _configuration.KinematicDisagreementMeanNis, ref saturations);
        _counters.Saturations += saturations;
        if (disagrees)
        {
            track.AdsbRadarDisagreementCount++;
            _counters.AdsbRadarDisagreements++;
        }
    }

    // The best unidentified track within the ADS-B position's gate that the address may adopt
    // (updated with the position), or null. Unidentified tracks in the gate that may not be
    // adopted (non-cooperative, established) count a possible masking each; masking says so.
    public Track FindUnidentifiedNear(long east, long north, long variance, long time, out bool masking)
    {
        masking = false;
        Track best = null;
        long bestNis = _configuration.AdsbGateNis;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || !CooperativeIdentityPolicy.IsUnidentified(track) || track.Filter.TimeMicroseconds > time || !_coarseGate.RoughlyNear(track, east, north, time))
            {
                continue;
            }

            _scratch.CopyFrom(track.Filter);
            _scratch.Predict(time);
            long nis = AddNis(_scratch.UpdateEast(east, variance), _scratch.UpdateNorth(north, variance));
            if (nis >= _configuration.AdsbGateNis)
            {
                continue;
            }

            if (!CooperativeIdentityPolicy.MayAdopt(track, time, _configuration.AdsbAdoptionMaxTrackAgeMicroseconds))
            {
                track.PossibleMaskingCount++;
                masking = true;
                continue;
            }

            if (nis < bestNis)
            {
                bestNis = nis;
                best = track;
            }
        }

        if (best != null)
        {
            best.Filter.Predict(time);
            best.Filter.UpdateEast(east, variance);
            best.LastNis = AddNis(bestNis, best.Filter.UpdateNorth(north, variance));
            best.AdsbPositions++;
            best.LastAdsbPositionMicroseconds = time;
        }

        return best;
    }

    public void ProjectObservation(ref ModeSObservation observation, out long east, out long north, out long latitude, out long longitude)
    {
        int saturations = 0;
        latitude = Q2x61.FromDegreesE7(observation.LatitudeE7, ref saturations);
        longitude = Q2x61.FromDegreesE7(observation.LongitudeE7, ref saturations);
        _plane.ToPlane(latitude, longitude, out east, out north, ref saturations);
        _counters.Saturations += saturations;
    }

    private long AddNis(long first, long second)
    {
        int clamps = 0;
        long sum = FixedPoint.Add(first, second, ref clamps);
        _counters.Saturations += clamps;
        return sum;
    }

    public static string CallsignText(ulong characters)
    {
        char[] buffer = new char[CallsignAlphabet.Length];
        int length = CallsignAlphabet.Write(characters, buffer, 0);
        while (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }

        return new string(buffer, 0, length);
    }
}

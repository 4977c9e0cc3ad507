using Picket.ModeS;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

// Mode S and ADS-B: identity by ICAO address, positions and velocities into the filter with the
// aircraft's own NACp/NACv, gated once the track is established; Mode S replies without
// position update identity and altitude only. Relayed messages (TIS-B, ADS-R) and addresses
// that appear beside an established non-cooperative track never make a track cooperative
// (CooperativeIdentityPolicy).
public sealed partial class Tracker
{
    /// <summary>Adds one Mode S / ADS-B observation (in receive-time order).</summary>
    /// <param name="observation">The observation.</param>
    public void AddModeS(ref ModeSObservation observation)
    {
        Counters.ModeSObservations++;
        Counters.Saturations += observation.Saturations;
        if (observation.IsRelayed)
        {
            Counters.RelayedObservations++;
        }

        AdvanceTo(observation.TimeUnixMicroseconds);
        long time = observation.TimeUnixMicroseconds;
        bool positionUsed = false;
        bool identityChanged = false;

        // Identity is the ICAO address alone. A callsign never associates on its own: a track can
        // only hold a callsign its address sent, and a callsign is not unique proof of who sends it.
        Track track = FindByIcao(observation.IcaoAddress);
        if (track == null)
        {
            if (!observation.HasPosition)
            {
                Counters.ModeSWithoutTrack++;
                return;
            }

            ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
            long variance = AdsbPositionVariance(null, ref observation);
            track = FindUnidentifiedNear(east, north, variance, time, out bool masking);
            if (track != null)
            {
                Counters.TracksMerged++;
                positionUsed = true;
            }
            else
            {
                track = Allocate(time);
                if (track == null)
                {
                    return;
                }

                long velocityVariance = VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
                track.Filter.TargetClass = Filter.TargetClass.Airliner;
                track.Filter.Initialise(time, east, north, variance, 0, 0, velocityVariance);
                RecordAdsbFix(track, time, latitude, longitude);
                positionUsed = true;
            }

            if (masking)
            {
                track.PossibleMaskingCount++;
                Counters.PossibleMasking++;
            }

            track.IdentityRelayedOnly = observation.IsRelayed;
        }
        else if (!observation.IsRelayed && track.IdentityRelayedOnly)
        {
            // The aircraft itself squits or replies: it identifies itself from now on.
            track.IdentityRelayedOnly = false;
            identityChanged = true;
        }

        identityChanged |= ApplyIdentity(track, ref observation);
        if (!track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = observation.IcaoAddress;
            identityChanged = true;
        }

        if (observation.HasNacP)
        {
            track.HasNacP = true;
            track.NacP = observation.NacP;
        }

        if (observation.HasGeometricMinusBarometric)
        {
            track.HasGeometricMinusBarometric = true;
            track.GeometricMinusBarometricMillimetres = observation.GeometricMinusBarometricMillimetres;
        }

        track.Sources |= observation.IsExtendedSquitter ? TrackSources.Adsb : TrackSources.ModeS;
        track.AdsbUpdateCount++;
        bool kinematic = positionUsed;
        if (observation.HasPosition && !positionUsed)
        {
            kinematic |= ApplyAdsbPosition(track, ref observation);
        }

        if (observation.HasVelocity)
        {
            kinematic |= ApplyAdsbVelocity(track, ref observation);
        }

        if (observation.HasAltitude)
        {
            ApplyPressureAltitude(track, observation.AltitudeFeet, time);
        }
        else if (observation.HasGeometricHeight)
        {
            ApplyGeometricHeight(track, observation.GeometricHeightMillimetres, _configuration.GnssHeightSigmaMillimetres, 0, time);
        }

        if (observation.HasVerticalRate && track.Filter.HasVertical && track.Filter.TimeMicroseconds == time)
        {
            track.Filter.UpdateVerticalRate(FromMillimetres(observation.VerticalRateMillimetresPerSecond), VarianceFromSigmaMillimetres(_configuration.AdsbVerticalRateSigmaMillimetresPerSecond));
        }

        if (kinematic)
        {
            track.UpdateCount++;
            track.LastUpdateMicroseconds = time;
            track.Misses = 0;
            if (track.Status == TrackStatus.Coasting)
            {
                track.Status = TrackStatus.Confirmed;
            }
            else if (track.Status == TrackStatus.Tentative && track.AdsbPositions >= _configuration.AdsbConfirmPositions && (track.AdsbVelocities > 0 || track.AdsbPositions > _configuration.AdsbConfirmPositions + 1))
            {
                Confirm(track);
            }

            CheckZonesAfterUpdate(track);
        }

        if (identityChanged)
        {
            Report(track, track.Status);
        }
        else if (kinematic)
        {
            ReportIfDue(track);
        }
    }

    // Returns true when the track's identity changed (reported at once).
    private bool ApplyIdentity(Track track, ref ModeSObservation observation)
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
                ChooseTargetClass(track);
                changed = true;
            }
        }

        return changed;
    }

    // Q39.24 variance of an ADS-B position: the aircraft's latest NACp (a 95 % accuracy), else
    // the configured default bounded by the message's NIC (an integrity radius, far wider than
    // the usual error: it only caps the default); CPR quantisation added in quadrature.
    private long AdsbPositionVariance(Track track, ref ModeSObservation observation)
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

        return VarianceFromSigmaMillimetres(AdsbQuality.RootSumSquare(sigma, _configuration.AdsbCprQuantisationSigmaMillimetres));
    }

    private bool ApplyAdsbPosition(Track track, ref ModeSObservation observation)
    {
        ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
        if (!PrepareFilter(track, observation.TimeUnixMicroseconds, out long lateSeconds))
        {
            return false;
        }

        // A late position is moved forward along the track's velocity to the estimate's time.
        int saturations = 0;
        east += Q31x32.Multiply(track.Filter.Horizontal.Mean[2], lateSeconds, ref saturations);
        north += Q31x32.Multiply(track.Filter.Horizontal.Mean[3], lateSeconds, ref saturations);
        Counters.Saturations += saturations;
        long variance = AdsbPositionVariance(track, ref observation);
        bool distrusted = observation.TimeUnixMicroseconds < track.DistrustAdsbUntilMicroseconds;
        if (distrusted || track.AdsbPositions >= _configuration.AdsbGateAfterPositions)
        {
            _scratch.CopyFrom(track.Filter);
            long nis = AddNis(_scratch.UpdateEast(east, variance), _scratch.UpdateNorth(north, variance));
            AdsbGateDecision decision = AdsbPositionGate.Decide(nis, _configuration.AdsbGateNis, track.ConsecutiveAdsbRejects, _configuration.AdsbRejectsBeforeRestart);
            if (decision != AdsbGateDecision.Accept && distrusted)
            {
                // Radar contradicted this aircraft's ADS-B: keep the radar-held state (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                Counters.AdsbRadarDisagreements++;
                return false;
            }

            if (decision == AdsbGateDecision.Reject)
            {
                Counters.AdsbPositionsRejected++;
                track.ConsecutiveAdsbRejects++;
                return false;
            }

            if (decision == AdsbGateDecision.Restart)
            {
                Counters.AdsbPositionsRejected++;
                Counters.AdsbTrackRestarts++;
                track.ConsecutiveAdsbRejects = 0;
                RestartAtAdsbPosition(track.Filter, east, north, variance);
                RecordAdsbFix(track, observation.TimeUnixMicroseconds, latitude, longitude);
                return true;
            }
        }

        track.ConsecutiveAdsbRejects = 0;
        long total = track.Filter.UpdateEast(east, variance);
        track.LastNis = AddNis(total, track.Filter.UpdateNorth(north, variance));
        RecordAdsbFix(track, observation.TimeUnixMicroseconds, latitude, longitude);
        return true;
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
        long velocityVariance = VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
        filter.Initialise(filter.TimeMicroseconds, east, north, variance, filter.Horizontal.Mean[2], filter.Horizontal.Mean[3], velocityVariance);
        if (hadVertical)
        {
            filter.InitialiseVertical(height, heightVariance, rate, rateVariance);
        }
    }

    // An ADS-B position went into the track's filter (latitude/longitude Q2.61 radians).
    private static void RecordAdsbFix(Track track, long time, long latitude, long longitude)
    {
        track.AdsbPositions++;
        track.LastAdsbPositionMicroseconds = time;
        track.LastLatitudeRadians = latitude;
        track.LastLongitudeRadians = longitude;
        track.HasLastGeodetic = true;
    }

    private bool ApplyAdsbVelocity(Track track, ref ModeSObservation observation)
    {
        if (!PrepareFilter(track, observation.TimeUnixMicroseconds, out _))
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

        // DO-260B velocities are against local east/north; the plane's axes differ away from the mast.
        _plane.VelocityToPlane(latitude, longitude, FromMillimetres(observation.VelocityEastMillimetresPerSecond), FromMillimetres(observation.VelocityNorthMillimetresPerSecond), out long planeEast, out long planeNorth, ref saturations);
        Counters.Saturations += saturations;
        int sigma = observation.HasNacV ? AdsbQuality.VelocitySigmaFromNacVMillimetresPerSecond(observation.NacV) : 0;
        if (sigma == 0)
        {
            sigma = _configuration.AdsbVelocitySigmaMillimetresPerSecond;
        }

        if (sigma < _configuration.AdsbVelocitySigmaFloorMillimetresPerSecond)
        {
            sigma = _configuration.AdsbVelocitySigmaFloorMillimetresPerSecond;
        }

        long variance = VarianceFromSigmaMillimetres(sigma);
        track.Filter.UpdateVelocityEast(planeEast, variance);
        track.Filter.UpdateVelocityNorth(planeNorth, variance);
        track.AdsbVelocities++;
        return true;
    }

    // Mode C or ADS-B barometric altitude: kept as pressure altitude (reports, Mode C checks) and
    // converted to geometric height for the filter with the aircraft's own GNSS-baro difference,
    // else the standard atmosphere and its uncertainty.
    private void ApplyPressureAltitude(Track track, int altitudeFeet, long time)
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
    private void ApplyGeometricHeight(Track track, long heightMillimetres, int noiseSigmaMillimetres, int biasSigmaMillimetres, long time)
    {
        long height = FromMillimetres(heightMillimetres);
        long variance = VarianceFromSigmaMillimetres(noiseSigmaMillimetres);
        long floor = VarianceFromSigmaMillimetres(biasSigmaMillimetres);
        Filter.TrackFilter filter = track.Filter;
        if (!filter.HasVertical)
        {
            filter.InitialiseVertical(height, variance + floor, 0, VarianceFromSigmaMillimetres(_configuration.InitialVerticalRateSigmaMillimetresPerSecond));
            return;
        }

        if (filter.TimeMicroseconds != time && !PrepareFilter(track, time, out _))
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
    private void CheckKinematicAgreement(Track track, long nis)
    {
        int saturations = 0;
        bool disagrees = RadarAdsbAgreement.AddPlot(ref track.KinematicPlotNisSum, ref track.KinematicPlotCount, nis, _configuration.KinematicDisagreementWindowPlots, _configuration.KinematicDisagreementMeanNis, ref saturations);
        Counters.Saturations += saturations;
        if (disagrees)
        {
            track.AdsbRadarDisagreementCount++;
            Counters.AdsbRadarDisagreements++;
        }
    }

    // Predicts the filter to the measurement time; a measurement up to the allowed lateness
    // older than the estimate is used at the estimate's time (lateSeconds, Q31.32, to shift it by).
    // Counts a measurement too late to use.
    private bool PrepareFilter(Track track, long time, out long lateSeconds)
    {
        if (PredictOrLate(track.Filter, time, out lateSeconds))
        {
            return true;
        }

        Counters.LateMeasurements++;
        return false;
    }

    // PrepareFilter for any filter (the track's or the scratch copy); false (filter untouched)
    // when the measurement is later than the allowed lateness.
    private bool PredictOrLate(Filter.TrackFilter filter, long time, out long lateSeconds)
    {
        lateSeconds = 0;
        long late = filter.TimeMicroseconds - time;
        if (late <= 0)
        {
            filter.Predict(time);
            return true;
        }

        if (late > _configuration.MaxLatenessMicroseconds)
        {
            return false;
        }

        int saturations = 0;
        lateSeconds = Q31x32.FromMicroseconds(late, ref saturations);
        Counters.Saturations += saturations;
        return true;
    }

    // The best unidentified track within the ADS-B position's gate that the address may adopt
    // (updated with the position), or null. Unidentified tracks in the gate that may not be
    // adopted (non-cooperative, established) count a possible masking each; masking says so.
    private Track FindUnidentifiedNear(long east, long north, long variance, long time, out bool masking)
    {
        masking = false;
        Track best = null;
        long bestNis = _configuration.AdsbGateNis;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || !CooperativeIdentityPolicy.IsUnidentified(track) || track.Filter.TimeMicroseconds > time || !RoughlyNear(track, east, north, time))
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

    private void ProjectObservation(ref ModeSObservation observation, out long east, out long north, out long latitude, out long longitude)
    {
        int saturations = 0;
        latitude = Q2x61.FromDegreesE7(observation.LatitudeE7, ref saturations);
        longitude = Q2x61.FromDegreesE7(observation.LongitudeE7, ref saturations);
        _plane.ToPlane(latitude, longitude, out east, out north, ref saturations);
        Counters.Saturations += saturations;
    }

    private long AddNis(long first, long second)
    {
        int clamps = 0;
        long sum = FixedPoint.Add(first, second, ref clamps);
        Counters.Saturations += clamps;
        return sum;
    }

    private static string CallsignText(ulong characters)
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

using Picket.ModeS;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

// Mode S and ADS-B: identity first (ICAO address, then callsign), positions and velocities
// into the filter; Mode S replies without position update identity and altitude only.
public sealed partial class Tracker
{
    /// <summary>Adds one Mode S / ADS-B observation (in receive-time order).</summary>
    /// <param name="observation">The observation.</param>
    public void AddModeS(ref ModeSObservation observation)
    {
        Counters.ModeSObservations++;
        AdvanceTo(observation.TimeUnixMicroseconds);
        long time = observation.TimeUnixMicroseconds;
        bool positionUsed = false;
        Track track = FindByIcao(observation.IcaoAddress);
        if (track == null && observation.HasCallsign)
        {
            Track byCallsign = FindByCallsign(observation.CallsignCharacters);
            if (byCallsign != null && !byCallsign.HasIcaoAddress)
            {
                track = byCallsign;
            }
        }

        if (track == null)
        {
            if (!observation.HasPosition)
            {
                Counters.ModeSWithoutTrack++;
                return;
            }

            ProjectObservation(ref observation, out long east, out long north, out long latitude, out long longitude);
            long variance = VarianceFromSigmaMillimetres(observation.PositionSigmaMillimetres);
            track = FindUnidentifiedNear(east, north, variance, time);
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
        }

        bool identityChanged = ApplyIdentity(track, ref observation);
        if (!track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = observation.IcaoAddress;
            identityChanged = true;
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

        if (observation.HasVerticalRate && track.Filter.HasVertical && track.Filter.TimeMicroseconds == time)
        {
            track.Filter.UpdateVerticalRate(FromMillimetres(observation.VerticalRateMillimetresPerSecond), VarianceFromSigmaMillimetres(1000));
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
        long variance = VarianceFromSigmaMillimetres(observation.PositionSigmaMillimetres);
        if (observation.TimeUnixMicroseconds < track.DistrustAdsbUntilMicroseconds)
        {
            _scratch.CopyFrom(track.Filter);
            long nis = _scratch.UpdateEast(east, variance);
            nis = AddNis(nis, _scratch.UpdateNorth(north, variance));
            if (nis > _configuration.AdsbGateNis)
            {
                // Radar contradicted this aircraft's ADS-B: keep the radar-held state (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                Counters.AdsbRadarDisagreements++;
                return false;
            }
        }

        long total = track.Filter.UpdateEast(east, variance);
        track.LastNis = AddNis(total, track.Filter.UpdateNorth(north, variance));
        RecordAdsbFix(track, observation.TimeUnixMicroseconds, latitude, longitude);
        return true;
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
        long variance = VarianceFromSigmaMillimetres(_configuration.AdsbVelocitySigmaMillimetresPerSecond);
        track.Filter.UpdateVelocityEast(planeEast, variance);
        track.Filter.UpdateVelocityNorth(planeNorth, variance);
        track.AdsbVelocities++;
        return true;
    }

    private void ApplyPressureAltitude(Track track, int altitudeFeet, long time)
    {
        track.HasPressureAltitude = true;
        track.PressureAltitudeFeet = altitudeFeet;
        long height = FeetToMetres(altitudeFeet);
        long variance = VarianceFromSigmaMillimetres(_configuration.AltitudeSigmaMillimetres);
        if (!track.Filter.HasVertical)
        {
            track.Filter.InitialiseVertical(height, variance, 0, VarianceFromSigmaMillimetres(20_000));
        }
        else if (track.Filter.TimeMicroseconds == time || PrepareFilter(track, time, out _))
        {
            track.Filter.UpdateHeight(height, variance);
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

    // PrepareFilter for any filter (the track's or the scratch copy), counting nothing; false
    // (filter untouched) when the measurement is later than the allowed lateness.
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
        return true;
    }

    private Track FindUnidentifiedNear(long east, long north, long variance, long time)
    {
        Track best = null;
        long bestNis = _configuration.AdsbGateNis;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || track.Cooperative || track.Filter.TimeMicroseconds > time || !RoughlyNear(track, east, north, time))
            {
                continue;
            }

            _scratch.CopyFrom(track.Filter);
            _scratch.Predict(time);
            long nis = AddNis(_scratch.UpdateEast(east, variance), _scratch.UpdateNorth(north, variance));
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
    }

    private static long AddNis(long first, long second)
    {
        int clamps = 0;
        return FixedPoint.Add(first, second, ref clamps);
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

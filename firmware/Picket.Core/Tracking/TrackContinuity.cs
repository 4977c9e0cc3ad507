using Picket.Numerics;
using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// Track continuity: a radar track about to be confirmed near a coasting radar track of the same
/// kind, moving the same way (or as differently as a turn during the coast explains), is that
/// track found again (the plots drifted out of its gate: an unmodelled manoeuvre, a height-less
/// plot's range bias changing near the radar). The coasting track takes the new track's state and
/// keeps its id and its zone occupancy; the new track is dropped. Without this, the operator reads
/// "lost" for the old id and "enter" for a new one about the same aircraft.
/// </summary>
internal sealed class TrackContinuity
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackerCounters _counters;
    private readonly Track[] _tracks;
    private readonly long _turnRadiansPerSecond;

    /// <summary>Creates the role over the track table's slots.</summary>
    /// <param name="configuration">The resume gate (<see cref="TrackerConfiguration.ResumeGateSigmas"/> and the limits beside it).</param>
    /// <param name="tracks">The track slots searched for a coasting track.</param>
    /// <param name="counters">Resumed tracks and saturations are counted here.</param>
    public TrackContinuity(TrackerConfiguration configuration, Track[] tracks, TrackerCounters counters)
    {
        _configuration = configuration;
        _tracks = tracks;
        _counters = counters;
        int saturations = 0;
        // Degrees to radians: × 31415927 / 1800000000 (π / 180), in Q31.32 (no overflow below 60°/s).
        _turnRadiansPerSecond = FixedPoint.DivideShift(configuration.ResumeCoastingTurnRateDegreesPerSecond * 31_415_927L, 1_800_000_000L, Q31x32.FractionBits, ref saturations);
        _counters.Saturations += saturations;
    }

    // A coasting radar-only track the newly confirmable track continues, or null.
    public Track FindCoastingToResume(Track candidate)
    {
        int saturations = 0;
        long limit = Q31x32.FromInteger(_configuration.ResumeCoastingWithinMetres);
        long speedLimit = Q31x32.FromInteger(_configuration.ResumeCoastingSpeedDifferenceMetresPerSecond);
        long time = candidate.Filter.TimeMicroseconds;
        Track best = null;
        long bestDistance = limit;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || track == candidate || track.Status != TrackStatus.Coasting || track.LastAdsbPositionMicroseconds != Track.NeverMicroseconds
                || track.Cooperative != candidate.Cooperative || TracksConflict(track, candidate) || track.Filter.TimeMicroseconds > time)
            {
                continue;
            }

            long[] mean = track.Filter.Horizontal.Mean;
            long[] other = candidate.Filter.Horizontal.Mean;
            TrackKinematics.PredictedPosition(track, time, out long east, out long north, ref saturations);
            east -= other[0];
            north -= other[1];
            long distance = FixedPoint.Hypotenuse(east, north, ref saturations);
            long speedDifference = FixedPoint.Hypotenuse(mean[2] - other[2], mean[3] - other[3], ref saturations);

            // A target that turned at the configured rate while its track coasted straight on
            // changed its velocity by up to speed × rate × the coast.
            long coast = Q31x32.FromMicroseconds(time - track.LastUpdateMicroseconds, ref saturations);
            long turned = Q31x32.Multiply(Q31x32.Multiply(TrackKinematics.Speed(track), _turnRadiansPerSecond, ref saturations), coast, ref saturations);

            // ...and moved off its straight coast by up to speed × rate × coast² / 2 (the quiet
            // mode's covariance does not hold a turn it never saw).
            long displaced = Q31x32.Multiply(turned, coast, ref saturations) / 2;
            long beyond = distance > displaced ? distance - displaced : 0;

            // Within the gate of both uncertainties (the larger axis of each, predicted to now):
            // (d − displacement)² ≤ k² (σ_old² + σ_new²). Q31.32 squared and shifted by 40 is Q39.24.
            long squared = FixedPoint.MultiplyShift(beyond, beyond, 40, ref saturations);
            long allowed = FixedPoint.Add(TrackKinematics.PredictedPositionVariance(track, time), TrackKinematics.PredictedPositionVariance(candidate, time), ref saturations) * _configuration.ResumeGateSigmas * _configuration.ResumeGateSigmas;
            if (distance < bestDistance && speedDifference < FixedPoint.Add(speedLimit, turned, ref saturations) && squared <= allowed)
            {
                bestDistance = distance;
                best = track;
            }
        }

        _counters.Saturations += saturations;
        return best;
    }

    // True when the two tracks identify as different aircraft (ICAO address or Mode 3/A).
    public static bool TracksConflict(Track first, Track second)
    {
        if (first.HasIcaoAddress && second.HasIcaoAddress && first.IcaoAddress != second.IcaoAddress)
        {
            return true;
        }

        return first.HasMode3A && second.HasMode3A && first.Mode3A != second.Mode3A;
    }

    // The coasting track continues with the new track's state and evidence, its height bank
    // included (the caller drops the new one and chooses the resumed track's class).
    public void Resume(Track resumed, Track found)
    {
        resumed.Filter.CopyFrom(found.Filter);
        resumed.Status = TrackStatus.Confirmed;
        resumed.Misses = 0;
        resumed.LastUpdateMicroseconds = found.LastUpdateMicroseconds;
        resumed.LastRadarMicroseconds = found.LastRadarMicroseconds;
        resumed.RadarHits += found.RadarHits;
        resumed.UpdateCount += found.UpdateCount;
        resumed.RadarUpdateCount += found.RadarUpdateCount;
        resumed.Sources |= found.Sources;
        resumed.Score = found.Score;
        resumed.ScorePeak = found.ScorePeak > found.Score ? found.ScorePeak : found.Score;
        resumed.ScoreMissesCharged = 0;
        resumed.HasRadarSensor = found.HasRadarSensor;
        resumed.RadarSensorId = found.RadarSensorId;
        resumed.HasAssumedHeight = found.HasAssumedHeight;
        resumed.AssumedHeight = found.AssumedHeight;
        resumed.Heights.CopyFrom(found.Heights);
        if (found.HasMode3A && !resumed.HasMode3A)
        {
            resumed.HasMode3A = true;
            resumed.Mode3A = found.Mode3A;
        }

        if (found.HasIcaoAddress && !resumed.HasIcaoAddress)
        {
            resumed.HasIcaoAddress = true;
            resumed.IcaoAddress = found.IcaoAddress;
        }

        _counters.TracksResumed++;
    }
}

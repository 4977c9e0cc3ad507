using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// Track continuity: a radar track about to be confirmed near a coasting radar track of the same
/// kind, moving the same way (or as differently as a turn during the coast explains), is that
/// track found again (the plots drifted out of its gate: an unmodelled manoeuvre, a height-less
/// plot's range bias changing near the radar). The coasting track takes the new track's state and
/// keeps its id and its zone occupancy; the new track is dropped. Without this, the operator reads
/// "lost" for the old id and "enter" for a new one about the same aircraft. A track a hard turn
/// broke may be found again earlier, from its successor's second plot
/// (<see cref="TrackerConfiguration.ResumeTentativeFromPlots"/>).
/// </summary>
internal sealed class TrackContinuity
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackerCounters _counters;
    private readonly Track[] _tracks;
    private readonly long _turnRadiansPerSecond;
    private readonly long _hardTurnRadiansPerSecond;
    private readonly long _turnChiSquare;

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
        _hardTurnRadiansPerSecond = FixedPoint.DivideShift(configuration.ResumeHardTurnRateDegreesPerSecond * 31_415_927L, 1_800_000_000L, Q31x32.FractionBits, ref saturations);
        _turnChiSquare = Q31x32.FromInteger(configuration.ResumeTentativeTurnChiSquare);
        _counters.Saturations += saturations;
    }

    // A coasting radar-only track the newly confirmable track continues, or null.
    public Track FindCoastingToResume(Track candidate) => FindCoastingToResume(candidate, false);

    // The same for a tentative track not yet confirmable (early): only by the hard-turn rule (born
    // soon after the coasting track's last update, where a hard turn from it reaches), only when
    // its velocity differs from the coasting track's as a turn's would
    // (ResumeTentativeTurnChiSquare), and never a drone's coasting track.
    public Track FindCoastingToResume(Track candidate, bool early)
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
                || track.Cooperative != candidate.Cooperative || TracksConflict(track, candidate) || track.LastUpdateMicroseconds > time)
            {
                continue;
            }

            if (early && (track.Filter.TargetClass == TargetClass.Drone || (_turnChiSquare > 0 && !VelocitiesDiffer(track, candidate, _turnChiSquare, ref saturations))))
            {
                continue;
            }

            long[] mean = track.Filter.Horizontal.Mean;
            // Both compared at the later of the candidate's time and the coasting track's: a
            // report predicts a coasting track on to the data time, which is often after the
            // candidate's last plot (the radar's plots come in sector batches). Only a track
            // updated after that plot is no candidate's predecessor.
            long at = track.Filter.TimeMicroseconds > time ? track.Filter.TimeMicroseconds : time;
            TrackKinematics.PredictedPosition(track, at, out long east, out long north, ref saturations);
            TrackKinematics.PredictedPosition(candidate, at, out long candidateEast, out long candidateNorth, ref saturations);
            long distance = FixedPoint.Hypotenuse(east - candidateEast, north - candidateNorth, ref saturations);
            long[] other = candidate.Filter.Horizontal.Mean;
            long speedDifference = FixedPoint.Hypotenuse(mean[2] - other[2], mean[3] - other[3], ref saturations);
            long coast = Q31x32.FromMicroseconds(at - track.LastUpdateMicroseconds, ref saturations);
            long speed = TrackKinematics.Speed(track);

            // Now: within the gate of both uncertainties, given a turn at the formation's rate
            // during the coast.
            bool found = !early && speedDifference < FixedPoint.Add(speedLimit, Turned(speed, _turnRadiansPerSecond, coast, ref saturations), ref saturations)
                && WithinGate(distance, Displaced(speed, _turnRadiansPerSecond, coast, ref saturations), TrackKinematics.PredictedPositionVariance(track, at), TrackKinematics.PredictedPositionVariance(candidate, at), ref saturations);

            // Or at the candidate's birth: its first plot came soon after the coasting track's
            // last update, where that track would be after a hard turn begun at its last update,
            // and its velocity now differs by no more than the hard turn explains (a 5 g turn the
            // IMM lost: the plots left the gate at once and a new track began on them; a target
            // crossing near a track coasting off long after has no such birth). The birth plot's
            // variance is its larger one (Track.BirthVariance, as the displacement rule reads it);
            // the coasting track's predicted larger axis dominates the gate.
            long birthAfter = candidate.BornMicroseconds - track.LastUpdateMicroseconds;
            if (!found && _hardTurnRadiansPerSecond > 0 && birthAfter >= 0 && birthAfter <= _configuration.ResumeHardTurnBirthWithinMicroseconds && candidate.BirthVariance > 0)
            {
                long birthCoast = Q31x32.FromMicroseconds(birthAfter, ref saturations);
                TrackKinematics.PredictedPosition(track, candidate.BornMicroseconds, out long birthEast, out long birthNorth, ref saturations);
                long birthDistance = FixedPoint.Hypotenuse(birthEast - candidate.BirthEast, birthNorth - candidate.BirthNorth, ref saturations);
                found = speedDifference < FixedPoint.Add(speedLimit, Turned(speed, _hardTurnRadiansPerSecond, coast, ref saturations), ref saturations)
                    && WithinGate(birthDistance, Displaced(speed, _hardTurnRadiansPerSecond, birthCoast, ref saturations), TrackKinematics.PredictedPositionVariance(track, candidate.BornMicroseconds), candidate.BirthVariance, ref saturations);
            }

            if (found && distance < bestDistance)
            {
                bestDistance = distance;
                best = track;
            }
        }

        _counters.Saturations += saturations;
        return best;
    }

    // True when the two velocities differ by at least this χ² against the sum of their
    // covariances, Δvᵀ (P₁ + P₂)⁻¹ Δv ≥ χ², without division: c Δe² − 2 b Δe Δn + a Δn² ≥ χ² (a c − b²)
    // for P₁ + P₂ = [a b; b c] (as TrackConfirmation tests a velocity against zero).
    private static bool VelocitiesDiffer(Track first, Track second, long chiSquare, ref int saturations)
    {
        long east = first.Filter.Horizontal.Mean[2] - second.Filter.Horizontal.Mean[2];
        long north = first.Filter.Horizontal.Mean[3] - second.Filter.Horizontal.Mean[3];
        long a = first.Filter.Horizontal.CovarianceAt(2, 2) + second.Filter.Horizontal.CovarianceAt(2, 2);
        long b = first.Filter.Horizontal.CovarianceAt(2, 3) + second.Filter.Horizontal.CovarianceAt(2, 3);
        long c = first.Filter.Horizontal.CovarianceAt(3, 3) + second.Filter.Horizontal.CovarianceAt(3, 3);
        return TrackKinematics.ChiSquareExceeds(east, north, a, b, c, chiSquare, ref saturations);
    }

    // A target of this speed turning at this rate for the coast changed its velocity by up to
    // speed × rate × coast, and by no more than twice its speed (a reversal). Q31.32 m/s.
    private static long Turned(long speed, long rate, long coast, ref int saturations)
    {
        long turning = Turning(speed, rate, coast, ref saturations);
        return turning < 2 * speed ? turning : 2 * speed;
    }

    // ...and moved off its straight coast by up to speed × rate × coast² / 2, and no more than
    // twice its speed × the coast (the quiet mode's covariance does not hold a turn it never
    // saw). Q31.32 m.
    private static long Displaced(long speed, long rate, long coast, ref int saturations)
    {
        long turning = Turning(speed, rate, coast, ref saturations);
        return Q31x32.Multiply(turning < 4 * speed ? turning : 4 * speed, coast, ref saturations) / 2;
    }

    // speed × rate × coast, uncapped. Q31.32 m/s.
    private static long Turning(long speed, long rate, long coast, ref int saturations) =>
        Q31x32.Multiply(Q31x32.Multiply(speed, rate, ref saturations), coast, ref saturations);

    // (d − displacement)² ≤ k² (σ₁² + σ₂²), the larger axis of each: d and the displacement
    // Q31.32 m, the variances Q39.24 m² (Q31.32 squared and shifted by 40 is Q39.24).
    private bool WithinGate(long distance, long displaced, long firstVariance, long secondVariance, ref int saturations)
    {
        long beyond = distance > displaced ? distance - displaced : 0;
        long squared = FixedPoint.MultiplyShift(beyond, beyond, 40, ref saturations);
        long allowed = FixedPoint.Add(firstVariance, secondVariance, ref saturations) * _configuration.ResumeGateSigmas * _configuration.ResumeGateSigmas;
        return squared <= allowed;
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

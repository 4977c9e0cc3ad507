using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Life;

namespace Picket.Tracking;

/// <summary>
/// Initiation and confirmation of radar tracks, and the score's side of their deletion (issue 9):
/// the sequential log-likelihood ratio of each radar track (<see cref="TrackScore"/>), with the
/// false-plot density the clutter map learns where its plots fall (<see cref="ClutterMap"/>);
/// a primary-only track must also have moved (displacement) and move measurably (velocity)
/// before it is confirmed. ADS-B-fed tracks keep their own confirmation;
/// <see cref="TrackerConfiguration.LifeRule"/> = <see cref="TrackLifeRule.MOfN"/> restores the fixed rule.
/// </summary>
internal sealed class TrackConfirmation
{
    private readonly TrackerConfiguration _configuration;
    private readonly TrackerCounters _counters;
    private readonly TrackScore _score;
    private readonly ClutterMap _clutter;

    /// <summary>Allocates the score and the clutter map.</summary>
    /// <param name="configuration">The score's and the confirmation rules' settings.</param>
    /// <param name="counters">Fixed-point saturations are counted here.</param>
    public TrackConfirmation(TrackerConfiguration configuration, TrackerCounters counters)
    {
        _configuration = configuration;
        _counters = counters;
        _score = new TrackScore(configuration);
        _clutter = new ClutterMap(configuration);
    }

    /// <summary>The clutter map the track score reads (learnt from plots no track claimed).</summary>
    public ClutterMap Clutter => _clutter;

    /// <summary>True when a scored track's score confirms it, at its radar's scan period (<see cref="TrackScore.ConfirmThresholdFor"/>).</summary>
    public bool Confirms(Track track, long scanPeriodMicroseconds) => _score.Confirms(track.Score, scanPeriodMicroseconds);

    // Radar tracks without ADS-B positions live by their score when the score rule is selected.
    public bool UsesScore(Track track) =>
        _configuration.LifeRule == TrackLifeRule.Score && track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds;

    // A plot applied to a radar track: L₀ for the plot that started it, ΔL for the first plot of
    // each later scan. Every plot of a track not yet confirmed is learnt as a possible false plot
    // (ClutterMap) unless it identified itself: a persistent scatterer's plots are each claimed by
    // the tentative track sitting on it, and learning only the plot that started it left a cell
    // of persistent clutter near the mast looking as quiet as open sky.
    public void ScoreHit(Track track, ref RadarMeasurement measurement, bool started, bool newScan)
    {
        long logDensity = _clutter.LogDensity(measurement.SensorId, measurement.RangeMillimetres, measurement.AzimuthMicrodegrees);
        if ((started || (newScan && track.Status == TrackStatus.Tentative)) && !measurement.HasIcaoAddress && !measurement.HasMode3A)
        {
            _clutter.Learn(measurement.SensorId, measurement.RangeMillimetres, measurement.AzimuthMicrodegrees);
        }

        if (started)
        {
            track.Score = _score.Initial(logDensity, track.Cooperative);
            track.ScoreHasIdentityPrior = track.Cooperative;
            track.ScorePeak = track.Score;
        }
        else
        {
            if (track.Cooperative && !track.ScoreHasIdentityPrior)
            {
                track.ScoreHasIdentityPrior = true;
                track.Score = _score.Add(track.Score, _score.IdentityIncrement);
            }

            if (newScan)
            {
                long increment = _score.HitIncrement(track.LastNis, track.Filter.LastRangeInnovationVariance, track.Filter.LastCrossInnovationVariance, logDensity);
                track.Score = _score.Add(track.Score, increment);
            }
        }

        track.ScoreMissesCharged = 0;
        if (track.Score > track.ScorePeak)
        {
            track.ScorePeak = track.Score;
        }
    }

    // The score's part of the life cycle, once per housekeeping round (track.Misses is already
    // counted): charges the new misses; false when the score deletes the track (a tentative one
    // also on the miss cap). A confirmed track then meets the same miss cap and uncertainty limit
    // as under M-of-N (AdvanceLifeCycle).
    public bool ScoreKeeps(Track track)
    {
        if (track.Misses > track.ScoreMissesCharged)
        {
            long misses = track.Misses - track.ScoreMissesCharged;
            track.ScoreMissesCharged = track.Misses;
            track.Score = _score.Add(track.Score, misses * _score.MissIncrement);
        }

        bool tentative = track.Status == TrackStatus.Tentative;
        return !_score.Deletes(track.Score, track.ScorePeak, !tentative) && (!tentative || track.Misses < _configuration.TentativeMaxMisses);
    }

    // A primary-only radar track must have moved before it is confirmed (ConfirmMinimumDisplacementMetres):
    // d² ≥ max(D², k² (σ_birth² + σ_now²)) with k = ConfirmDisplacementSigmas, and the move must be a motion, not one step: at the
    // track's previous scan its estimate was already D/2 from the birth plot (two plots fit any
    // velocity), and the plot that completes it agrees with the track (NIS ≤ ConfirmMaximumNis; a
    // persistent reflector's track that jumps onto another reflector nearby has a large one).
    // Called once per plot of a tentative track; newScan: the plot is the first of its scan (only
    // then does the previous scan's state move on).
    // Tracks with an identity or ADS-B are exempt.
    public bool HasMoved(Track track, bool newScan)
    {
        if (_configuration.ConfirmMinimumDisplacementMetres <= 0 || track.Cooperative || track.LastAdsbPositionMicroseconds != Track.NeverMicroseconds || track.BirthVariance == 0)
        {
            return true;
        }

        int saturations = 0;
        long east = track.Filter.Horizontal.Mean[0] - track.BirthEast;
        long north = track.Filter.Horizontal.Mean[1] - track.BirthNorth;
        long distance = FixedPoint.Hypotenuse(east, north, ref saturations);

        // Q31.32 squared and shifted by 40 is Q39.24, the variances' format.
        long squared = FixedPoint.MultiplyShift(distance, distance, 40, ref saturations);
        long minimum = Q39x24.FromInteger((long)_configuration.ConfirmMinimumDisplacementMetres * _configuration.ConfirmMinimumDisplacementMetres);
        long eastVariance = track.Filter.Horizontal.CovarianceAt(0, 0);
        long northVariance = track.Filter.Horizontal.CovarianceAt(1, 1);
        long uncertainty = _configuration.ConfirmDisplacementSigmas * _configuration.ConfirmDisplacementSigmas * (track.BirthVariance + (eastVariance > northVariance ? eastVariance : northVariance));
        _counters.Saturations += saturations;

        // (D/2)² = D²/4: halfway at the previous scan.
        bool halfwayBefore = newScan ? track.DisplacedHalfway : track.DisplacedHalfwayBefore;
        if (newScan)
        {
            track.DisplacedHalfwayBefore = track.DisplacedHalfway;
        }

        track.DisplacedHalfway = 4 * squared >= minimum;
        return halfwayBefore && track.LastNis <= _configuration.ConfirmMaximumNis && squared >= (minimum > uncertainty ? minimum : uncertainty);
    }

    // At confirmation: a primary-only track's zone entries wait until a later plot has moved
    // from the one that confirmed it (NoteMotionSinceConfirmation); any other track is free.
    public void StartMotionWatch(Track track)
    {
        track.MotionShown = _configuration.AlertMotionSigmas <= 0 || !track.PrimaryPlotsOnly || !track.HasLastPlot;
        track.ConfirmedPlotEast = track.LastPlotEast;
        track.ConfirmedPlotNorth = track.LastPlotNorth;
        track.ConfirmedPlotVariance = track.LastPlotVariance;
    }

    // After each plot of a confirmed track still waiting: moved when this plot is at least
    // ConfirmMinimumDisplacementMetres and AlertMotionSigmas standard deviations of the two plots'
    // difference from the confirming one, d² ≥ max(D², k² (σ_then² + σ_now²)). A track that
    // jumped onto a persistent reflector and stays on it never shows motion (its plots scatter
    // by the radar's noise around one point), so it raises no zone alert; a fighter shows it on
    // its next plot, a 30 m/s drone on a 1 s radar within seconds. The same confirmation (a plot
    // that jumped) is not evidence twice.
    public void NoteMotionSinceConfirmation(Track track)
    {
        if (track.MotionShown || track.Status == TrackStatus.Tentative)
        {
            return;
        }

        if (!track.PrimaryPlotsOnly)
        {
            track.MotionShown = true;
            return;
        }

        int saturations = 0;
        long distance = FixedPoint.Hypotenuse(track.LastPlotEast - track.ConfirmedPlotEast, track.LastPlotNorth - track.ConfirmedPlotNorth, ref saturations);
        // Q31.32 squared and shifted by 40 is Q39.24, the variances' format.
        long squared = FixedPoint.MultiplyShift(distance, distance, 40, ref saturations);
        long minimum = Q39x24.FromInteger((long)_configuration.ConfirmMinimumDisplacementMetres * _configuration.ConfirmMinimumDisplacementMetres);
        long uncertainty = _configuration.AlertMotionSigmas * _configuration.AlertMotionSigmas * (track.ConfirmedPlotVariance + track.LastPlotVariance);
        _counters.Saturations += saturations;
        track.MotionShown = squared >= (minimum > uncertainty ? minimum : uncertainty);
    }

    // A primary-only radar track must also move measurably (ConfirmMinimumVelocityChiSquare):
    // its velocity estimate v against its own covariance P_vv, vᵀ P_vv⁻¹ v ≥ χ², computed without
    // division as c vₑ² − 2 b vₑ vₙ + a vₙ² ≥ χ² (a c − b²) with P_vv = [a b; b c], after this
    // plot and already after the previous scan's, or once beyond ConfirmVelocityChiSquareAtOnce:
    // a sea scatterer whose plots wander 200 m and come back can look significant after one
    // plot, rarely after two scans in a row (its spread is wider than the radar's noise the
    // covariance assumes); a fast target is significant at once. Called once per plot of a
    // tentative track (newScan as for HasMoved). Tracks with an identity or ADS-B are exempt, as
    // from the displacement rule.
    public bool HasSignificantVelocity(Track track, bool newScan)
    {
        if (_configuration.ConfirmMinimumVelocityChiSquare <= 0 || track.Cooperative || track.LastAdsbPositionMicroseconds != Track.NeverMicroseconds)
        {
            return true;
        }

        bool before = newScan ? track.VelocitySignificant : track.VelocitySignificantBefore;
        if (newScan)
        {
            track.VelocitySignificantBefore = track.VelocitySignificant;
        }

        track.VelocitySignificant = VelocityExceeds(track, _configuration.ConfirmMinimumVelocityChiSquare);
        return track.VelocitySignificant && (before || VelocityExceeds(track, _configuration.ConfirmVelocityChiSquareAtOnce));
    }

    private bool VelocityExceeds(Track track, long chiSquare)
    {
        int saturations = 0;
        bool exceeds = TrackKinematics.ChiSquareExceeds(
            track.Filter.Horizontal.Mean[2],
            track.Filter.Horizontal.Mean[3],
            track.Filter.Horizontal.CovarianceAt(2, 2),
            track.Filter.Horizontal.CovarianceAt(2, 3),
            track.Filter.Horizontal.CovarianceAt(3, 3),
            chiSquare,
            ref saturations);
        _counters.Saturations += saturations;
        return exceeds;
    }
}

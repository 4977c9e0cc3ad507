using Picket.Numerics;

namespace Picket.Tracking.Life;

/// <summary>
/// The sequential log-likelihood-ratio track score (Sittler 1964; Blackman and Popoli, "Design
/// and Analysis of Modern Tracking Systems", 1999, §6.2): the log of the odds that a track is a
/// real target rather than a run of false plots, a sequential probability ratio test (Wald) that
/// confirms or deletes as soon as the evidence allows, at the false-plot density where each plot
/// fell. Every value is Q31.32 nats; the probabilities and densities are the configuration's
/// (never the simulator's), the density per plot is the <see cref="ClutterMap"/>'s.
/// <list type="bullet">
/// <item>first plot: L₀ = ln(P_D β_NT / β_FA) (+ ln of the identity factor for an SSR/Mode S plot);</item>
/// <item>a later scan with a plot: ΔL = ln(P_D / β_FA) − ln(2π √|S|) − NIS/2, the ratio of the
/// Gaussian innovation density to the false-plot density;</item>
/// <item>a missed scan: ΔL = ln(1 − P_D);</item>
/// <item>confirm when L ≥ ln((1 − β) / α), so the prior odds of the place count (for a radar faster
/// than <see cref="TrackerConfiguration.ScoreReferenceScanPeriodMicroseconds"/>, α scaled down by its
/// scan period: false confirmations per hour, not per tentative track, are held); a tentative track
/// is deleted when the evidence since its best moment reaches the lower threshold, L ≤ peak + ln(β / (1 − α))
/// (relative, or a first plot in dense clutter would start below it), a confirmed one when L falls
/// <see cref="TrackerConfiguration.ScoreDeletionDropNats"/> below its peak.</item>
/// </list>
/// The score is held within ± <see cref="TrackerConfiguration.ScoreCeilingNats"/> so a long-lived
/// track's peak stays reachable.
/// </summary>
public sealed class TrackScore
{
    private readonly long _logDetection;
    private readonly long _logMiss;
    private readonly long _logNewTargetDensity;
    private readonly long _logIdentityFactor;
    private readonly long _logTwoPi;
    private readonly long _deletionDrop;
    private readonly long _ceiling;
    private readonly long _largestNis;
    // The reference scan period in ms (0: α is not scaled by the scan period) and its ln.
    private readonly long _referenceScanMilliseconds;
    private readonly long _logReferenceScanMilliseconds;

    /// <summary>Derives the constant terms from the configuration (read once).</summary>
    /// <param name="configuration">Pd, densities, error probabilities and limits.</param>
    public TrackScore(TrackerConfiguration configuration)
    {
        if (configuration == null)
        {
            throw new System.ArgumentNullException(nameof(configuration));
        }

        int percent = configuration.ScoreDetectionProbabilityPercent;
        int falseConfirmation = configuration.ScoreFalseConfirmationPerMillion;
        int missedTarget = configuration.ScoreMissedTargetPerThousand;
        if (percent < 1 || percent > 99 || falseConfirmation < 1 || falseConfirmation > 999_999 || missedTarget < 1 || missedTarget > 999
            || configuration.ScoreNewTargetsPerScanPerMillionSquareKilometres < 1 || configuration.ScoreIdentityPriorFactor < 1 || configuration.ScoreReferenceScanPeriodMicroseconds < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(configuration), "Score probabilities must lie strictly between 0 and 1, densities and factors be positive, the reference scan period not negative.");
        }

        long logHundred = LogarithmNats.OfInteger(100);
        long logThousand = LogarithmNats.OfInteger(1_000);
        long logMillion = LogarithmNats.OfInteger(1_000_000);
        _logDetection = LogarithmNats.OfInteger(percent) - logHundred;
        _logMiss = LogarithmNats.OfInteger(100 - percent) - logHundred;
        _logNewTargetDensity = LogarithmNats.OfInteger(configuration.ScoreNewTargetsPerScanPerMillionSquareKilometres) - (2 * logMillion);
        _logIdentityFactor = LogarithmNats.OfInteger(configuration.ScoreIdentityPriorFactor);

        // raw / 2^60 of Q2.61 π is 2π.
        _logTwoPi = LogarithmNats.Of(Q2x61.Pi, Q2x61.FractionBits - 1);
        ConfirmThreshold = LogarithmNats.OfInteger(1_000 - missedTarget) - logThousand + logMillion - LogarithmNats.OfInteger(falseConfirmation);
        DeleteThreshold = LogarithmNats.OfInteger(missedTarget) - logThousand + logMillion - LogarithmNats.OfInteger(1_000_000 - falseConfirmation);
        _deletionDrop = Q31x32.FromInteger(configuration.ScoreDeletionDropNats);
        _ceiling = Q31x32.FromInteger(configuration.ScoreCeilingNats);
        _largestNis = configuration.RadarGateNis;
        _referenceScanMilliseconds = configuration.ScoreReferenceScanPeriodMicroseconds / 1000;
        _logReferenceScanMilliseconds = _referenceScanMilliseconds > 0 ? LogarithmNats.OfInteger(_referenceScanMilliseconds) : 0;
    }

    /// <summary>ln((1 − β) / α): a tentative track at or above this score is confirmed, Q31.32 nats.</summary>
    public long ConfirmThreshold { get; }

    /// <summary>ln(β / (1 − α)): a tentative track that falls this far (negative) below its peak score is deleted, Q31.32 nats.</summary>
    public long DeleteThreshold { get; }

    /// <summary>ln(1 − P_D), the change for one missed scan, Q31.32 nats (negative).</summary>
    public long MissIncrement => _logMiss;

    /// <summary>The score of a track started by one plot.</summary>
    /// <param name="logFalseDensity">ln of the false-plot density at the plot, per m² per scan, Q31.32 (from <see cref="ClutterMap.LogDensity"/>).</param>
    /// <param name="identified">True when the plot carries an identity (Mode S address or Mode 3/A).</param>
    /// <returns>L₀, Q31.32 nats.</returns>
    public long Initial(long logFalseDensity, bool identified)
    {
        long score = _logDetection + _logNewTargetDensity - logFalseDensity;
        return Clamp(identified ? score + _logIdentityFactor : score);
    }

    /// <summary>The identity factor's log, added once when a tentative track first shows an identity after its first plot.</summary>
    public long IdentityIncrement => _logIdentityFactor;

    /// <summary>The change for a scan with an associated plot.</summary>
    /// <param name="nis">Normalised innovation squared of the update, Q31.32 (2 degrees of freedom); counted at most as <see cref="TrackerConfiguration.RadarGateNis"/>.</param>
    /// <param name="rangeInnovationVariance">Innovation variance along the ray, Q39.24 m² (&gt; 0).</param>
    /// <param name="crossInnovationVariance">Innovation variance across the ray after the range update, Q39.24 m² (&gt; 0); the product of the two is |S|.</param>
    /// <param name="logFalseDensity">ln of the false-plot density at the plot, per m² per scan, Q31.32.</param>
    /// <returns>ΔL, Q31.32 nats.</returns>
    public long HitIncrement(long nis, long rangeInnovationVariance, long crossInnovationVariance, long logFalseDensity)
    {
        if (rangeInnovationVariance <= 0 || crossInnovationVariance <= 0)
        {
            // No kinematic term (a covariance fault): neither credit nor blame.
            return 0;
        }

        long halfLogDeterminant = (LogarithmNats.Of(rangeInnovationVariance, Q39x24.FractionBits) + LogarithmNats.Of(crossInnovationVariance, Q39x24.FractionBits)) / 2;
        // A plot associated by identity skips the gate: beyond it the misfit is a manoeuvre or a
        // garbled plot, charged as at the gate, so one such plot cannot delete a confirmed track.
        long halfNis = (nis > _largestNis ? _largestNis : nis) / 2;

        return _logDetection - logFalseDensity - _logTwoPi - halfLogDeterminant - halfNis;
    }

    /// <summary>Adds an increment to a score, held within ± the ceiling.</summary>
    /// <param name="score">Current score, Q31.32 nats.</param>
    /// <param name="increment">Change, Q31.32 nats (within ± 2^40).</param>
    /// <returns>The new score.</returns>
    public long Add(long score, long increment) => Clamp(score + increment);

    /// <summary>
    /// The confirmation threshold for a track of a radar scanning every <paramref name="scanPeriodMicroseconds"/>:
    /// ln((1 − β) / α′) with α′ = α × period / reference period, that is <see cref="ConfirmThreshold"/>
    /// + ln(reference / period), for a radar faster than the reference. A slower radar keeps α (raising it
    /// confirmed the gulf's 5 s radar's tracks earlier and cost 10 m of GOSPA on all 49 of its tuning
    /// runs); so does every radar when the reference is 0 or the period unknown.
    /// </summary>
    /// <param name="scanPeriodMicroseconds">The track's radar's scan period, µs (at least 1 ms counts).</param>
    /// <returns>Q31.32 nats.</returns>
    public long ConfirmThresholdFor(long scanPeriodMicroseconds)
    {
        long milliseconds = scanPeriodMicroseconds / 1000;
        return milliseconds <= 0 || milliseconds >= _referenceScanMilliseconds
            ? ConfirmThreshold
            : ConfirmThreshold + _logReferenceScanMilliseconds - LogarithmNats.OfInteger(milliseconds);
    }

    /// <summary>True when a tentative track's score confirms it (<see cref="ConfirmThresholdFor"/>).</summary>
    /// <param name="score">Q31.32 nats.</param>
    /// <param name="scanPeriodMicroseconds">The track's radar's scan period, µs.</param>
    /// <returns>Whether to confirm.</returns>
    public bool Confirms(long score, long scanPeriodMicroseconds) => score >= ConfirmThresholdFor(scanPeriodMicroseconds);

    /// <summary>True when the track must be deleted: a tentative track at or below its peak plus the lower threshold, a confirmed one the deletion drop below its peak.</summary>
    /// <param name="score">Q31.32 nats.</param>
    /// <param name="peak">Highest score the track has had, Q31.32 nats.</param>
    /// <param name="confirmed">True once the track has been confirmed.</param>
    /// <returns>Whether to delete.</returns>
    public bool Deletes(long score, long peak, bool confirmed) => confirmed ? score <= peak - _deletionDrop : score <= peak + DeleteThreshold;

    private long Clamp(long score) => score > _ceiling ? _ceiling : (score < -_ceiling ? -_ceiling : score);
}

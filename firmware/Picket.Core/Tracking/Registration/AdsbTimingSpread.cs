using Picket.Numerics;

namespace Picket.Tracking.Registration;

/// <summary>
/// Learns how much the lateness of ADS-B positions varies from one position to the next. A
/// position stamped with its time of reception lies behind the aircraft by its latency times the
/// ground speed, along the track; <see cref="AdsbLatency"/> learns the mean latency (from the
/// radar), this learns the spread about it from the ADS-B positions alone. The spread adds
/// variance along the track and none across it: for a position of an established track, against
/// the track's prediction, with u the unit velocity and u⊥ across it, the innovation's components
/// a = u·(z − x̂) and c = u⊥·(z − x̂) have E[a²] = uᵀPu + R + v²σ_τ² and E[c²] = u⊥ᵀPu⊥ + R, so
/// σ_τ² = Σ ((a² − uᵀPu) − (c² − u⊥ᵀPu⊥)) / Σ v² over many positions (R, the position's own
/// variance, cancels). A turn or an acceleration adds to c² or a² alike; a mean latency not yet
/// learned adds to a² and is counted as spread, which the gate must allow for all the same.
/// </summary>
/// <remarks>
/// Integer arithmetic only: two Q39.24 sums, exact for the first 2^<see cref="ForgettingShift"/>
/// positions, then forgetting by 2^-<see cref="ForgettingShift"/> per position. A position whose
/// cross-track innovation is beyond the gate, or whose along-track one is beyond the gate of the
/// largest spread believed, is not counted (a bad position, a CPR error).
/// </remarks>
public sealed class AdsbTimingSpread
{
    private readonly long _maximumVariance;
    private long _excess;
    private long _information;
    private int _saturations;

    /// <summary>Creates an estimator with nothing learned.</summary>
    /// <param name="forgettingShift">Forgetting weight 2^-shift per position once that many are in (1 to 16).</param>
    /// <param name="minimumSamples">Positions needed before the estimate is used (at least 1).</param>
    /// <param name="maximumMicroseconds">Largest spread (one sigma) believed, µs; also the screen on the along-track innovation.</param>
    public AdsbTimingSpread(int forgettingShift, int minimumSamples, long maximumMicroseconds)
    {
        if (forgettingShift < 1 || forgettingShift > 16 || minimumSamples < 1 || maximumMicroseconds <= 0 || maximumMicroseconds > 10_000_000)
        {
            throw new System.ArgumentOutOfRangeException(nameof(forgettingShift), "The forgetting shift must be 1 to 16, the minimum samples at least 1 and the maximum 1 µs to 10 s.");
        }

        ForgettingShift = forgettingShift;
        MinimumSamples = minimumSamples;
        long seconds = Q31x32.FromMicroseconds(maximumMicroseconds, ref _saturations);
        _maximumVariance = Q31x32.Multiply(seconds, seconds, ref _saturations);
    }

    /// <summary>Forgetting weight 2^-shift.</summary>
    public int ForgettingShift { get; }

    /// <summary>Positions needed before the estimate is used.</summary>
    public int MinimumSamples { get; }

    /// <summary>Positions counted.</summary>
    public long Samples { get; private set; }

    /// <summary>The learned variance of the lateness, Q31.32 s² (0 until <see cref="MinimumSamples"/> are in; never negative, at most the maximum's square).</summary>
    public long VarianceSquareSeconds { get; private set; }

    /// <summary>Fixed-point saturations since the last call.</summary>
    /// <returns>The count, reset.</returns>
    public int TakeSaturations()
    {
        int taken = _saturations;
        _saturations = 0;
        return taken;
    }

    /// <summary>The variance the spread adds along the track of an aircraft at this speed, Q39.24 m².</summary>
    /// <param name="speedSquared">The track's speed squared, Q39.24 m²/s².</param>
    /// <returns>v²σ_τ², Q39.24 m².</returns>
    public long AlongTrackVariance(long speedSquared) =>
        VarianceSquareSeconds == 0 ? 0 : FixedPoint.MultiplyShift(speedSquared, VarianceSquareSeconds, 32, ref _saturations);

    /// <summary>One position of an established track, against the track's prediction at its time.</summary>
    /// <param name="alongInnovation">Position less prediction along the track's velocity, Q31.32 m.</param>
    /// <param name="crossInnovation">…across it, Q31.32 m.</param>
    /// <param name="alongPredictedVariance">The prediction's variance along the velocity, Q39.24 m².</param>
    /// <param name="crossPredictedVariance">…across it, Q39.24 m².</param>
    /// <param name="positionVariance">The position's own variance per axis, Q39.24 m².</param>
    /// <param name="speedSquared">The track's speed squared, Q39.24 m²/s².</param>
    /// <param name="gateNis">Cross-track screen, Q31.32 (1 degree of freedom).</param>
    public void Observe(long alongInnovation, long crossInnovation, long alongPredictedVariance, long crossPredictedVariance, long positionVariance, long speedSquared, long gateNis)
    {
        int saturations = 0;

        // Q31.32 × Q31.32 >> 40: Q39.24 m².
        long along = FixedPoint.MultiplyShift(alongInnovation, alongInnovation, 40, ref saturations);
        long cross = FixedPoint.MultiplyShift(crossInnovation, crossInnovation, 40, ref saturations);
        long crossLimit = FixedPoint.MultiplyShift(gateNis, FixedPoint.Add(crossPredictedVariance, positionVariance, ref saturations), 32, ref saturations);
        long alongLimit = FixedPoint.MultiplyShift(gateNis, FixedPoint.Add(FixedPoint.Add(alongPredictedVariance, positionVariance, ref saturations), FixedPoint.MultiplyShift(speedSquared, _maximumVariance, 32, ref saturations), ref saturations), 32, ref saturations);
        if (speedSquared <= 0 || cross > crossLimit || along > alongLimit)
        {
            _saturations += saturations;
            return;
        }

        if (Samples >= (1L << ForgettingShift))
        {
            _excess -= _excess >> ForgettingShift;
            _information -= _information >> ForgettingShift;
        }

        long excess = FixedPoint.Subtract(FixedPoint.Subtract(along, alongPredictedVariance, ref saturations), FixedPoint.Subtract(cross, crossPredictedVariance, ref saturations), ref saturations);
        _excess = FixedPoint.Add(_excess, excess, ref saturations);
        _information = FixedPoint.Add(_information, speedSquared, ref saturations);
        Samples++;
        VarianceSquareSeconds = 0;
        if (Samples >= MinimumSamples && _excess > 0 && _information > 0)
        {
            long variance = FixedPoint.DivideShift(_excess, _information, 32, ref saturations);
            VarianceSquareSeconds = variance > _maximumVariance ? _maximumVariance : variance;
        }

        _saturations += saturations;
    }
}

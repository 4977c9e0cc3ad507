using Picket.Numerics;

namespace Picket.Tracking.Registration;

/// <summary>
/// Learns how late the ADS-B positions are. A transponder's position is applicable some time
/// before the squitter carries it (the navigator's output rate, the transponder's own update);
/// stamped with its time of reception, it lies behind the aircraft by that latency times the
/// ground speed, along the track. ADS-B alone cannot tell a constant lag from the aircraft's
/// position; the radar can: a plot of an aircraft whose fresh ADS-B feeds its track sits ahead of
/// the ADS-B-held position by latency × velocity, seen by the radar as a ground-range residual of
/// latency × the radial speed and a cross-range residual of latency × the cross speed. Weighted
/// least squares over every such plot, each component weighted by its plot variance, gives the
/// latency: τ = Σ (Δr·u_r/σ_r² + Δc·u_c/σ_c²) / Σ (u_r²/σ_r² + u_c²/σ_c²). The radar's own bias
/// along a ray averages out over aircraft flying every way; a slow or hovering aircraft carries no
/// information and weighs nothing.
/// </summary>
/// <remarks>
/// Integer arithmetic only: two Q31.32 sums, exact for the first 2^<see cref="ForgettingShift"/>
/// plots, then forgetting by 2^-<see cref="ForgettingShift"/> per plot. The estimate is used once
/// the information sum bounds its sigma by the configured figure; below
/// <see cref="MinimumMicroseconds"/>, or below <see cref="SignificanceSigmas"/> of its sigma, it is
/// taken as none (a position cannot be applicable after it is received, a few milliseconds are
/// the radar's own time quantum, and an estimate still converging is noise); above
/// <see cref="MaximumMicroseconds"/> it is clamped.
/// </remarks>
public sealed class AdsbLatency
{
    // π / 180 / 10⁶ as 31415927 / 1.8 × 10¹⁵: microdegrees to radians.
    private const long PiTimes10e7 = 31_415_927L;
    private const long DegreesTimes10e13 = 1_800_000_000_000_000L;
    private readonly long _minimumInformation;
    private long _numerator;
    private long _information;
    private int _saturations;

    /// <summary>Creates an estimator with nothing learned.</summary>
    /// <param name="forgettingShift">Forgetting weight 2^-shift per plot once that many are in (1 to 20).</param>
    /// <param name="maximumSigmaMicroseconds">The estimate is used once its sigma is at most this, µs.</param>
    /// <param name="minimumMicroseconds">A smaller estimate is taken as no latency, µs.</param>
    /// <param name="significanceSigmas">…and so is one below this many of its own sigmas.</param>
    /// <param name="maximumMicroseconds">Largest latency believed, µs.</param>
    public AdsbLatency(int forgettingShift, long maximumSigmaMicroseconds, long minimumMicroseconds, int significanceSigmas, long maximumMicroseconds)
    {
        if (forgettingShift < 1 || forgettingShift > 20 || maximumSigmaMicroseconds <= 0 || minimumMicroseconds < 0 || significanceSigmas < 0 || maximumMicroseconds < minimumMicroseconds)
        {
            throw new System.ArgumentOutOfRangeException(nameof(forgettingShift), "The forgetting shift must be 1 to 20, the sigma positive, the significance not negative and 0 ≤ minimum ≤ maximum.");
        }

        ForgettingShift = forgettingShift;
        MinimumMicroseconds = minimumMicroseconds;
        SignificanceSigmas = significanceSigmas;
        MaximumMicroseconds = maximumMicroseconds;
        long sigma = Q31x32.FromMicroseconds(maximumSigmaMicroseconds, ref _saturations);
        // Information ≥ 1 / σ², Q31.32 per s².
        _minimumInformation = Q31x32.Divide(Q31x32.One, Q31x32.Multiply(sigma, sigma, ref _saturations), ref _saturations);
    }

    /// <summary>Forgetting weight 2^-shift.</summary>
    public int ForgettingShift { get; }

    /// <summary>A smaller estimate is taken as no latency, µs.</summary>
    public long MinimumMicroseconds { get; }

    /// <summary>An estimate below this many of its own sigmas is taken as no latency.</summary>
    public int SignificanceSigmas { get; }

    /// <summary>Largest latency believed, µs.</summary>
    public long MaximumMicroseconds { get; }

    /// <summary>Plots observed.</summary>
    public long Samples { get; private set; }

    /// <summary>The estimate's sigma, µs (0 before any information).</summary>
    public long SigmaMicroseconds { get; private set; }

    /// <summary>True once the estimate's sigma is within the configured bound.</summary>
    public bool HasEstimate => _information > 0 && _information >= _minimumInformation;

    /// <summary>The learned latency, µs (0 until <see cref="HasEstimate"/>).</summary>
    public long Microseconds { get; private set; }

    /// <summary>Fixed-point saturations since the last call.</summary>
    public int TakeSaturations()
    {
        int taken = _saturations;
        _saturations = 0;
        return taken;
    }

    /// <summary>
    /// One radar plot of an aircraft whose fresh ADS-B feeds its track, against the ADS-B-held
    /// position at the plot's time (moved along the track's velocity from the last fix, with no
    /// latency applied).
    /// </summary>
    /// <param name="groundRangeResidual">Measured ground range less the reference's, Q31.32 m.</param>
    /// <param name="azimuthResidualMicrodegrees">Measured azimuth less the reference's, µdeg (wrapped to ±180°).</param>
    /// <param name="referenceEast">The reference east of the radar, Q31.32 m.</param>
    /// <param name="referenceNorth">The reference north of the radar, Q31.32 m.</param>
    /// <param name="velocityEast">The track's velocity east, Q31.32 m/s.</param>
    /// <param name="velocityNorth">The track's velocity north, Q31.32 m/s.</param>
    /// <param name="rangeVariance">The plot's range variance, Q39.24 m² (taken for its ground range's).</param>
    /// <param name="crossRangeVariance">The plot's cross-range variance, Q39.24 m².</param>
    public void Observe(long groundRangeResidual, long azimuthResidualMicrodegrees, long referenceEast, long referenceNorth, long velocityEast, long velocityNorth, long rangeVariance, long crossRangeVariance)
    {
        int saturations = 0;
        long range = FixedPoint.Hypotenuse(referenceEast, referenceNorth, ref saturations);
        if (range <= Q31x32.One || rangeVariance <= 0 || crossRangeVariance <= 0)
        {
            _saturations += saturations;
            return;
        }

        // Radial and cross components of the velocity (the cross axis is that of rising azimuth:
        // (cos θ, −sin θ) for (sin θ, cos θ) = (east, north) / range).
        long radial = Q31x32.Divide(FixedPoint.MultiplyShift(velocityEast, referenceEast, 32, ref saturations) + FixedPoint.MultiplyShift(velocityNorth, referenceNorth, 32, ref saturations), range, ref saturations);
        long cross = Q31x32.Divide(FixedPoint.MultiplyShift(velocityEast, referenceNorth, 32, ref saturations) - FixedPoint.MultiplyShift(velocityNorth, referenceEast, 32, ref saturations), range, ref saturations);
        long radians = FixedPoint.DivideShift(azimuthResidualMicrodegrees * PiTimes10e7, DegreesTimes10e13, Q31x32.FractionBits, ref saturations);
        long crossResidual = Q31x32.Multiply(range, radians, ref saturations);

        // Q31.32 × Q31.32 >> 32 over a Q39.24 variance << 24: Q31.32 (per s, per s²).
        long numerator = FixedPoint.DivideShift(FixedPoint.MultiplyShift(groundRangeResidual, radial, 32, ref saturations), rangeVariance, 24, ref saturations)
            + FixedPoint.DivideShift(FixedPoint.MultiplyShift(crossResidual, cross, 32, ref saturations), crossRangeVariance, 24, ref saturations);
        long information = FixedPoint.DivideShift(FixedPoint.MultiplyShift(radial, radial, 32, ref saturations), rangeVariance, 24, ref saturations)
            + FixedPoint.DivideShift(FixedPoint.MultiplyShift(cross, cross, 32, ref saturations), crossRangeVariance, 24, ref saturations);
        if (Samples >= (1L << ForgettingShift))
        {
            _numerator -= _numerator >> ForgettingShift;
            _information -= _information >> ForgettingShift;
        }

        _numerator = FixedPoint.Add(_numerator, numerator, ref saturations);
        _information = FixedPoint.Add(_information, information, ref saturations);
        Samples++;
        Microseconds = 0;
        SigmaMicroseconds = _information > 0 ? Q31x32.ToScaledInteger(Q31x32.Divide(Q31x32.One, Q31x32.SquareRoot(_information, ref saturations), ref saturations), 1_000_000, ref saturations) : 0;
        if (HasEstimate)
        {
            long seconds = Q31x32.Divide(_numerator, _information, ref saturations);
            long microseconds = Q31x32.ToScaledInteger(seconds, 1_000_000, ref saturations);
            bool significant = microseconds >= SignificanceSigmas * SigmaMicroseconds;
            Microseconds = !significant || microseconds < MinimumMicroseconds ? 0 : microseconds > MaximumMicroseconds ? MaximumMicroseconds : microseconds;
        }

        _saturations += saturations;
    }
}

namespace Picket.Tracking.Registration;

/// <summary>
/// Learns each radar's systematic errors and noise from the aircraft that also report their own
/// position: for a plot associated with a track whose state comes from fresh ADS-B, the residual
/// between what the radar measured (ground range, azimuth) and where the ADS-B-held state puts
/// the aircraft seen from that radar. The running mean of the residuals is the radar's range and
/// azimuth bias (a misaligned antenna, a range offset), their spread its noise. This is sensor
/// registration against ADS-B as surveillance data processing systems do it: a mast needs no
/// data sheet and no survey to know what its radar really does.
/// </summary>
/// <remarks>
/// Integer arithmetic only. Each slot keeps a running mean and variance of range residuals (mm)
/// and azimuth residuals (µdeg) with 16 fraction bits: an exact running average for the first
/// 2^<see cref="ForgettingShift"/> samples, then an exponential average with weight
/// 2^-<see cref="ForgettingShift"/>, so the estimate converges fast and then follows slow drift.
/// Residuals beyond the gross limits (a mis-association, a garbled reply) are ignored and counted.
/// The residual spread includes the ADS-B position's own error, so the learned sigma is an upper
/// bound of the radar's (by a few metres for a NACp ≥ 9 transponder).
/// </remarks>
public sealed class RadarRegistration
{
    private const int FractionBits = 16;
    private const long MicrodegreesPerTurn = 360_000_000L;
    private readonly int[] _samples;
    private readonly long[] _rangeMean;
    private readonly long[] _rangeVariance;
    private readonly long[] _azimuthMean;
    private readonly long[] _azimuthVariance;
    private readonly int[] _innovationSamples;
    private readonly long[] _innovationRangeVariance;
    private readonly long[] _innovationAzimuthVariance;

    /// <summary>Creates the table for a fixed number of radars.</summary>
    /// <param name="capacity">Radars (slots), at least 1.</param>
    /// <param name="minimumSamples">Residuals a slot needs before its estimates are used.</param>
    /// <param name="forgettingShift">Exponential forgetting weight 2^-shift once that many samples are in (1 to 16).</param>
    /// <param name="maximumRangeResidualMillimetres">A range residual beyond this is a gross error, ignored.</param>
    /// <param name="maximumAzimuthResidualMicrodegrees">An azimuth residual beyond this is a gross error, ignored.</param>
    public RadarRegistration(int capacity, int minimumSamples, int forgettingShift, long maximumRangeResidualMillimetres, long maximumAzimuthResidualMicrodegrees)
    {
        if (capacity < 1 || minimumSamples < 1 || forgettingShift < 1 || forgettingShift > 16 || maximumRangeResidualMillimetres <= 0 || maximumAzimuthResidualMicrodegrees <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(capacity), "Capacity, minimum samples and limits must be positive and the forgetting shift 1 to 16.");
        }

        MinimumSamples = minimumSamples;
        ForgettingShift = forgettingShift;
        MaximumRangeResidualMillimetres = maximumRangeResidualMillimetres;
        MaximumAzimuthResidualMicrodegrees = maximumAzimuthResidualMicrodegrees;
        _samples = new int[capacity];
        _rangeMean = new long[capacity];
        _rangeVariance = new long[capacity];
        _azimuthMean = new long[capacity];
        _azimuthVariance = new long[capacity];
        _innovationSamples = new int[capacity];
        _innovationRangeVariance = new long[capacity];
        _innovationAzimuthVariance = new long[capacity];
    }

    /// <summary>Residuals a slot needs before <see cref="HasEstimate"/>.</summary>
    public int MinimumSamples { get; }

    /// <summary>Exponential forgetting weight 2^-shift.</summary>
    public int ForgettingShift { get; }

    /// <summary>Gross-error limit of a range residual, mm.</summary>
    public long MaximumRangeResidualMillimetres { get; }

    /// <summary>Gross-error limit of an azimuth residual, µdeg.</summary>
    public long MaximumAzimuthResidualMicrodegrees { get; }

    /// <summary>Residuals ignored as gross errors, all slots.</summary>
    public long GrossErrors { get; private set; }

    /// <summary>Slots.</summary>
    public int Capacity => _samples.Length;

    /// <summary>
    /// Adds one residual pair: the radar's measured ground range and azimuth against the
    /// reference (the ADS-B-held position seen from the radar).
    /// </summary>
    /// <param name="slot">The radar's slot.</param>
    /// <param name="measuredRangeMillimetres">Measured ground range, mm.</param>
    /// <param name="measuredAzimuthMicrodegrees">Measured azimuth, µdeg clockwise from north (any turn).</param>
    /// <param name="referenceRangeMillimetres">Reference ground range, mm.</param>
    /// <param name="referenceAzimuthMicrodegrees">Reference azimuth, µdeg (any turn).</param>
    /// <returns>False when the residual was a gross error and ignored.</returns>
    public bool Observe(int slot, long measuredRangeMillimetres, long measuredAzimuthMicrodegrees, long referenceRangeMillimetres, long referenceAzimuthMicrodegrees)
    {
        long rangeResidual = measuredRangeMillimetres - referenceRangeMillimetres;
        long azimuthResidual = WrapAzimuth(measuredAzimuthMicrodegrees - referenceAzimuthMicrodegrees);
        if (IsGrossError(rangeResidual, azimuthResidual))
        {
            GrossErrors++;
            return false;
        }

        int samples = _samples[slot] + 1;
        if (samples <= (1 << ForgettingShift))
        {
            _samples[slot] = samples;
        }

        Accumulate(ref _rangeMean[slot], ref _rangeVariance[slot], rangeResidual, samples);
        Accumulate(ref _azimuthMean[slot], ref _azimuthVariance[slot], azimuthResidual, samples);
        return true;
    }

    /// <summary>
    /// Adds one innovation of an established track (no reference position): the radar's noise
    /// is what the residual's spread has beyond the prediction's own uncertainty
    /// (innovation covariance matching: E[ν²] = σ² + P_predicted, per axis). Gives noise, never
    /// bias. Each sample is ν² − P; the running mean of the samples is the variance estimate.
    /// </summary>
    /// <param name="slot">The radar's slot.</param>
    /// <param name="rangeSampleSquareMillimetres">ν_range² − P_range for this plot, mm² (may be negative), or <see cref="long.MinValue"/> when the plot's range is not usable (no height).</param>
    /// <param name="azimuthSampleSquareMicrodegrees">ν_azimuth² − P_azimuth for this plot, µdeg² (may be negative).</param>
    /// <returns>False when the sample was a gross error and ignored.</returns>
    public bool ObserveInnovation(int slot, long rangeSampleSquareMillimetres, long azimuthSampleSquareMicrodegrees)
    {
        long azimuthLimit = MaximumAzimuthResidualMicrodegrees * MaximumAzimuthResidualMicrodegrees;
        long rangeLimit = MaximumRangeResidualMillimetres * MaximumRangeResidualMillimetres;
        if (azimuthSampleSquareMicrodegrees > azimuthLimit || azimuthSampleSquareMicrodegrees < -azimuthLimit
            || (rangeSampleSquareMillimetres != long.MinValue && (rangeSampleSquareMillimetres > rangeLimit || rangeSampleSquareMillimetres < -rangeLimit)))
        {
            GrossErrors++;
            return false;
        }

        int samples = _innovationSamples[slot] + 1;
        if (samples <= (1 << ForgettingShift))
        {
            _innovationSamples[slot] = samples;
        }

        long weight = samples <= (1 << ForgettingShift) ? samples : 1L << ForgettingShift;
        _innovationAzimuthVariance[slot] += (azimuthSampleSquareMicrodegrees - _innovationAzimuthVariance[slot]) / weight;
        if (rangeSampleSquareMillimetres != long.MinValue)
        {
            _innovationRangeVariance[slot] += (rangeSampleSquareMillimetres - _innovationRangeVariance[slot]) / weight;
        }

        return true;
    }

    /// <summary>True when the slot has at least <see cref="MinimumSamples"/> innovations (<see cref="ObserveInnovation"/>).</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>Whether the innovation noise estimates are ready.</returns>
    public bool HasInnovationEstimate(int slot) => _innovationSamples[slot] >= MinimumSamples;

    /// <summary>Innovations taken so far (saturates at 2^<see cref="ForgettingShift"/>).</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The count.</returns>
    public int InnovationSamples(int slot) => _innovationSamples[slot];

    /// <summary>Range sigma from innovations (0 when the mean sample is not positive), mm.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long InnovationRangeSigmaMillimetres(int slot) => SquareRoot(_innovationRangeVariance[slot]);

    /// <summary>Azimuth sigma from innovations (0 when the mean sample is not positive), µdeg.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long InnovationAzimuthSigmaMicrodegrees(int slot) => SquareRoot(_innovationAzimuthVariance[slot]);

    /// <summary>True when the slot has at least <see cref="MinimumSamples"/> residuals.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>Whether the estimates are ready.</returns>
    public bool HasEstimate(int slot) => _samples[slot] >= MinimumSamples;

    /// <summary>Residuals taken so far (saturates at 2^<see cref="ForgettingShift"/>).</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The count.</returns>
    public int Samples(int slot) => _samples[slot];

    /// <summary>Range bias (measured minus true), mm; subtract it from a measured range.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The bias.</returns>
    public long RangeBiasMillimetres(int slot) => RoundShift(_rangeMean[slot]);

    /// <summary>Azimuth bias (measured minus true), µdeg; subtract it from a measured azimuth.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The bias.</returns>
    public long AzimuthBiasMicrodegrees(int slot) => RoundShift(_azimuthMean[slot]);

    /// <summary>Spread of the range residuals about their mean (one sigma), mm.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long RangeSigmaMillimetres(int slot) => SquareRoot(RoundShift(_rangeVariance[slot]));

    /// <summary>Spread of the azimuth residuals about their mean (one sigma), µdeg.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long AzimuthSigmaMicrodegrees(int slot) => SquareRoot(RoundShift(_azimuthVariance[slot]));

    /// <summary>Forgets everything learned for a slot (a radar replaced or realigned).</summary>
    /// <param name="slot">The radar's slot.</param>
    public void Reset(int slot)
    {
        _samples[slot] = 0;
        _rangeMean[slot] = 0;
        _rangeVariance[slot] = 0;
        _azimuthMean[slot] = 0;
        _azimuthVariance[slot] = 0;
        _innovationSamples[slot] = 0;
        _innovationRangeVariance[slot] = 0;
        _innovationAzimuthVariance[slot] = 0;
    }

    /// <summary>True when a residual pair is beyond the gross-error limits (a mis-association, a garbled reply).</summary>
    /// <param name="rangeResidualMillimetres">Ground-range residual, mm.</param>
    /// <param name="azimuthResidualMicrodegrees">Wrapped azimuth residual, µdeg.</param>
    public bool IsGrossError(long rangeResidualMillimetres, long azimuthResidualMicrodegrees) =>
        rangeResidualMillimetres > MaximumRangeResidualMillimetres || rangeResidualMillimetres < -MaximumRangeResidualMillimetres
        || azimuthResidualMicrodegrees > MaximumAzimuthResidualMicrodegrees || azimuthResidualMicrodegrees < -MaximumAzimuthResidualMicrodegrees;

    /// <summary>An azimuth difference brought into (-180°, 180°], µdeg.</summary>
    /// <param name="microdegrees">Any difference.</param>
    /// <returns>The wrapped difference.</returns>
    public static long WrapAzimuth(long microdegrees)
    {
        long wrapped = microdegrees % MicrodegreesPerTurn;
        if (wrapped > MicrodegreesPerTurn / 2)
        {
            wrapped -= MicrodegreesPerTurn;
        }
        else if (wrapped <= -MicrodegreesPerTurn / 2)
        {
            wrapped += MicrodegreesPerTurn;
        }

        return wrapped;
    }

    // Welford's running update with weight 1/n, then 1/2^shift (West 1979): mean and variance with
    // 16 fraction bits. Residuals are bounded by the gross limits, so the squares fit in 64 bits
    // for limits up to 10 km and 10°.
    private void Accumulate(ref long mean, ref long variance, long residual, int samples)
    {
        long scaled = residual << FractionBits;
        long delta = scaled - mean;
        long step = samples <= (1 << ForgettingShift) ? delta / samples : delta >> ForgettingShift;
        mean += step;

        // Exponentially weighted variance: V += w (δ (x - mean_new) - V), δ and x - mean_new in
        // 16 fraction bits, their product brought back to 16.
        long after = scaled - mean;
        long product = (delta >> 8) * (after >> 8);
        long varianceDelta = product - variance;
        variance += samples <= (1 << ForgettingShift) ? varianceDelta / samples : varianceDelta >> ForgettingShift;
        if (variance < 0)
        {
            variance = 0;
        }
    }

    private static long RoundShift(long value) =>
        value >= 0 ? (value + (1L << (FractionBits - 1))) >> FractionBits : -((-value + (1L << (FractionBits - 1))) >> FractionBits);

    private static long SquareRoot(long value)
    {
        int saturations = 0;
        return value <= 0 ? 0 : Numerics.FixedPoint.SquareRoot(value, 0, ref saturations);
    }
}

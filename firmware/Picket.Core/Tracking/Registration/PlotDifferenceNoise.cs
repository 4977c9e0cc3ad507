namespace Picket.Tracking.Registration;

/// <summary>
/// Learns a radar's measurement noise from the plots alone, with no model of the target and no
/// assumption about the noise: the third divided difference of four consecutive plots of one
/// track (slant range, azimuth) cancels any trajectory that is locally a quadratic in time
/// (a straight flight or a steady turn seen from the radar, over a few scans) and leaves a linear
/// combination of the four plots' noise, whose variance is known from the plot times. Each
/// sample, divided by that combination's norm, is one draw of the radar's noise. The sigma is a
/// trimmed estimate over the last samples: the mean square of the smaller four fifths of their
/// magnitudes, scaled by what that trimming takes from a normal distribution. A manoeuvre onset,
/// a close pass or a wrong plot makes a large sample; up to a fifth of them are ignored outright,
/// and more only lift the estimate by the part of the normal tail they displace. (A median would
/// ignore half, but the radar's range quantum makes it jump between a few values.)
/// </summary>
/// <remarks>
/// Innovation covariance matching (<see cref="RadarRegistration.ObserveInnovation"/>) depends
/// on the filter: when the plots carry more noise than the radar has, the prediction's variance
/// is inflated with it and the estimate reads low, then negative, and an over-stated data sheet
/// is never corrected. These samples depend only on what the radar measured and when. Integer
/// arithmetic only; the last <see cref="WindowSize"/> samples per radar slot and axis are kept.
/// </remarks>
public sealed class PlotDifferenceNoise
{
    private const int WeightFractionBits = 24;

    // E[X² | |X| ≤ 1.28155] for X ~ N(0, 1), 0.437725, in millionths: the lower 80 % of the
    // magnitudes' mean square over this is σ².
    private const long TrimmedSecondMomentMillionths = 437_725;

    // Magnitudes beyond this (100 km, 100°) are clipped before squaring: 127 of their squares fit 64 bits.
    private const long MaximumMagnitude = 100_000_000;
    private readonly int[] _rangeSamples;
    private readonly int[] _azimuthSamples;
    private readonly int[] _rangeCount;
    private readonly int[] _azimuthCount;
    private readonly int[] _rangeNext;
    private readonly int[] _azimuthNext;
    private readonly long[] _rangeSigma;
    private readonly long[] _azimuthSigma;
    private readonly int[] _rangeSorted;
    private readonly int[] _azimuthSorted;

    /// <summary>Creates the windows for a fixed number of radars.</summary>
    /// <param name="capacity">Radars (slots), at least 1.</param>
    /// <param name="windowSize">Samples kept per radar and axis (the estimate's window), at least 1.</param>
    /// <param name="minimumSamples">Samples an axis needs before its sigma is given, 1 to <paramref name="windowSize"/>.</param>
    public PlotDifferenceNoise(int capacity, int windowSize, int minimumSamples)
    {
        if (capacity < 1 || windowSize < 1 || minimumSamples < 1 || minimumSamples > windowSize)
        {
            throw new System.ArgumentOutOfRangeException(nameof(windowSize), "Capacity and window must be positive and the minimum samples 1 to the window.");
        }

        WindowSize = windowSize;
        MinimumSamples = minimumSamples;
        _rangeSamples = new int[capacity * windowSize];
        _azimuthSamples = new int[capacity * windowSize];
        _rangeCount = new int[capacity];
        _azimuthCount = new int[capacity];
        _rangeNext = new int[capacity];
        _azimuthNext = new int[capacity];
        _rangeSigma = new long[capacity];
        _azimuthSigma = new long[capacity];
        _rangeSorted = new int[capacity * windowSize];
        _azimuthSorted = new int[capacity * windowSize];
    }

    /// <summary>Slots.</summary>
    public int Capacity => _rangeCount.Length;

    /// <summary>Samples kept per radar and axis.</summary>
    public int WindowSize { get; }

    /// <summary>Samples an axis needs before its sigma is given.</summary>
    public int MinimumSamples { get; }

    /// <summary>
    /// The third divided difference of four (time, value) samples, scaled to the noise of one
    /// sample: Σ wᵢ vᵢ / √(Σ wᵢ²) with wᵢ = h³ / Πⱼ≠ᵢ (tᵢ − tⱼ) and h the mean spacing. For
    /// values with independent noise of sigma σ and a trajectory quadratic in time its mean is 0 and
    /// its variance σ² (four equal steps: Δ³v / √20).
    /// </summary>
    /// <param name="times">Four sample times in increasing order, µs.</param>
    /// <param name="values">The four values (millimetres, microdegrees unwrapped: any unit).</param>
    /// <param name="sample">The scaled difference, in the values' unit.</param>
    /// <returns>False when the times are not increasing or too unevenly spaced (a step under a quarter of the mean) to give a sample.</returns>
    public static bool TryThirdDifference(long[] times, long[] values, out long sample)
    {
        sample = 0;
        long spanMilliseconds = (times[3] - times[0]) / 1000;
        long spacing = spanMilliseconds / 3;
        if (spacing <= 0)
        {
            return false;
        }

        for (int i = 1; i < 4; i++)
        {
            if ((times[i] - times[i - 1]) / 1000 * 4 < spacing)
            {
                return false;
            }
        }

        long sum = 0;
        long squares = 0;
        for (int i = 0; i < 4; i++)
        {
            // wᵢ = h³ / Πⱼ≠ᵢ (tᵢ − tⱼ), built one factor at a time so it stays in 64 bits (Q24).
            long weight = spacing << WeightFractionBits;
            int factor = 0;
            for (int j = 0; j < 4; j++)
            {
                if (j == i)
                {
                    continue;
                }

                long difference = (times[i] - times[j]) / 1000;
                weight = factor == 0 ? weight / difference : weight * spacing / difference;
                factor++;
            }

            sum += (values[i] - values[0]) * weight;
            squares += (weight * weight) >> WeightFractionBits;
        }

        int saturations = 0;
        long norm = Numerics.FixedPoint.SquareRoot(squares, WeightFractionBits, ref saturations);
        if (norm <= 0 || saturations != 0)
        {
            return false;
        }

        sample = sum / norm;
        return true;
    }

    /// <summary>Adds one slant-range sample (<see cref="TryThirdDifference"/>), mm.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <param name="sampleMillimetres">The sample (any sign).</param>
    public void ObserveRange(int slot, long sampleMillimetres) =>
        _rangeSigma[slot] = Add(_rangeSamples, _rangeSorted, _rangeCount, _rangeNext, slot, sampleMillimetres);

    /// <summary>Adds one azimuth sample (<see cref="TryThirdDifference"/>), µdeg.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <param name="sampleMicrodegrees">The sample (any sign).</param>
    public void ObserveAzimuth(int slot, long sampleMicrodegrees) =>
        _azimuthSigma[slot] = Add(_azimuthSamples, _azimuthSorted, _azimuthCount, _azimuthNext, slot, sampleMicrodegrees);

    /// <summary>Range samples in the window.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The count (at most <see cref="WindowSize"/>).</returns>
    public int RangeSamples(int slot) => _rangeCount[slot];

    /// <summary>Azimuth samples in the window.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The count (at most <see cref="WindowSize"/>).</returns>
    public int AzimuthSamples(int slot) => _azimuthCount[slot];

    /// <summary>The slant-range sigma, mm, or 0 before <see cref="MinimumSamples"/> samples.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long RangeSigmaMillimetres(int slot) => _rangeCount[slot] >= MinimumSamples ? _rangeSigma[slot] : 0;

    /// <summary>The azimuth sigma, µdeg, or 0 before <see cref="MinimumSamples"/> samples.</summary>
    /// <param name="slot">The radar's slot.</param>
    /// <returns>The sigma.</returns>
    public long AzimuthSigmaMicrodegrees(int slot) => _azimuthCount[slot] >= MinimumSamples ? _azimuthSigma[slot] : 0;

    /// <summary>Forgets a slot's samples (a radar replaced).</summary>
    /// <param name="slot">The radar's slot.</param>
    public void Reset(int slot)
    {
        _rangeCount[slot] = 0;
        _azimuthCount[slot] = 0;
        _rangeNext[slot] = 0;
        _azimuthNext[slot] = 0;
        _rangeSigma[slot] = 0;
        _azimuthSigma[slot] = 0;
    }

    // Stores |sample| in the slot's ring, keeps the slot's sorted copy of the window in step (the
    // value it overwrites taken out, the new one put in: one pass each, no re-sort), and returns
    // the sigma the window gives.
    private long Add(int[] samples, int[] sorted, int[] count, int[] next, int slot, long sample)
    {
        long magnitude = sample < 0 ? -sample : sample;
        int value = magnitude > int.MaxValue ? int.MaxValue : (int)magnitude;
        int offset = slot * WindowSize;
        int n = count[slot];
        if (n == WindowSize)
        {
            int old = samples[offset + next[slot]];
            int at = 0;
            while (sorted[offset + at] != old)
            {
                at++;
            }

            for (int i = at; i < n - 1; i++)
            {
                sorted[offset + i] = sorted[offset + i + 1];
            }

            n--;
        }

        samples[offset + next[slot]] = value;
        next[slot] = (next[slot] + 1) % WindowSize;
        int k = n - 1;
        while (k >= 0 && sorted[offset + k] > value)
        {
            sorted[offset + k + 1] = sorted[offset + k];
            k--;
        }

        sorted[offset + k + 1] = value;
        n++;
        count[slot] = n;

        // The lower four fifths of the magnitudes: their mean square is σ² × 0.437725 for normal
        // samples (E[X² | |X| ≤ q] with q = 1.28155, the half-normal's 80th percentile).
        int kept = (n * 4) / 5;
        if (kept < 1)
        {
            kept = 1;
        }

        long sumOfSquares = 0;
        for (int i = 0; i < kept; i++)
        {
            long clipped = sorted[offset + i] > MaximumMagnitude ? MaximumMagnitude : sorted[offset + i];
            sumOfSquares += clipped * clipped;
        }

        long variance = sumOfSquares / kept * 1_000_000 / TrimmedSecondMomentMillionths;
        int saturations = 0;
        return Numerics.FixedPoint.SquareRoot(variance, 0, ref saturations);
    }
}

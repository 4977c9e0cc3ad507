using Picket.Geodesy;
using Picket.Numerics;

namespace Picket.Tracking.Height;

/// <summary>
/// The height of a target seen only by a 2-D radar (no I048/110, no Mode C), estimated from its
/// plot sequence (issue 9 item 2: an unknown height is a slowly varying ground-range bias, not
/// fresh noise per plot). A bank of candidate heights, evenly spaced across the configured band;
/// each places every plot on the ground with its own height and keeps its own cheap 2-D
/// alpha-beta trajectory with a decayed sum of normalised squared innovations (range and cross
/// range). A wrong height bends a straight flight (near the radar, strongly: a target overflying
/// the mast at 8 km is placed at least sqrt(8² − h²) km from it by a candidate h below, and a
/// candidate above 8 km cannot reach the plot at all), so the candidate with the smallest cost is
/// the likeliest height. The track's held height moves to it only when the held candidate's cost
/// exceeds it by a margin (a likelihood-ratio test: the costs are −2 ln L up to a constant), and
/// the estimate is refined between candidates by a parabola through the three costs around the
/// best one. Everything is allocated in the constructor: <see cref="Capacity"/> candidates of
/// six longs (48 bytes) each, 784 bytes per track slot with the bookkeeping.
/// </summary>
public sealed class HeightHypotheses
{
    /// <summary>Most candidates a bank holds (<see cref="TrackerConfiguration.HeightCandidateCount"/> is capped to it).</summary>
    public const int Capacity = 16;

    private readonly long[] _east = new long[Capacity];
    private readonly long[] _north = new long[Capacity];
    private readonly long[] _velocityEast = new long[Capacity];
    private readonly long[] _velocityNorth = new long[Capacity];
    private readonly long[] _cost = new long[Capacity];
    private readonly long[] _recent = new long[Capacity];
    private long _lowest;
    private long _spacing;
    private long _timeMicroseconds;
    private int _saturations;
    private int _pendingBest;
    private int _pendingTests;

    /// <summary>Candidates in use (0 until <see cref="Start"/>).</summary>
    public int Count { get; private set; }

    /// <summary>True once <see cref="TryChoose"/> has moved the held height (the track's height is then the bank's estimate, not an assumption).</summary>
    public bool Chosen { get; private set; }

    /// <summary>Plots observed since <see cref="Start"/>.</summary>
    public int Plots { get; private set; }

    /// <summary>Fixed-point saturations since the last call to <see cref="TakeSaturations"/>.</summary>
    public int TakeSaturations()
    {
        int taken = _saturations;
        _saturations = 0;
        return taken;
    }

    /// <summary>Forgets everything (a new track in the slot).</summary>
    public void Clear()
    {
        Count = 0;
        Plots = 0;
        Chosen = false;
        _pendingTests = 0;
        _timeMicroseconds = 0;
    }

    /// <summary>Copies another bank's candidates, costs and bookkeeping into this one (a resumed track takes the track that found it again).</summary>
    /// <param name="other">The source.</param>
    public void CopyFrom(HeightHypotheses other)
    {
        System.Array.Copy(other._east, _east, Capacity);
        System.Array.Copy(other._north, _north, Capacity);
        System.Array.Copy(other._velocityEast, _velocityEast, Capacity);
        System.Array.Copy(other._velocityNorth, _velocityNorth, Capacity);
        System.Array.Copy(other._cost, _cost, Capacity);
        System.Array.Copy(other._recent, _recent, Capacity);
        _lowest = other._lowest;
        _spacing = other._spacing;
        _timeMicroseconds = other._timeMicroseconds;
        _pendingBest = other._pendingBest;
        _pendingTests = other._pendingTests;
        Count = other.Count;
        Plots = other.Plots;
        Chosen = other.Chosen;
    }

    /// <summary>Spreads <paramref name="count"/> candidates evenly from <paramref name="lowestMetres"/> to <paramref name="highestMetres"/> (both included) and forgets the plots.</summary>
    /// <param name="lowestMetres">Lowest candidate, Q31.32 m above the ellipsoid.</param>
    /// <param name="highestMetres">Highest candidate, Q31.32 m.</param>
    /// <param name="count">Candidates, 2 to <see cref="Capacity"/> (clamped).</param>
    public void Start(long lowestMetres, long highestMetres, int count)
    {
        count = count < 2 ? 2 : count > Capacity ? Capacity : count;
        Count = count;
        Plots = 0;
        Chosen = false;
        _pendingTests = 0;
        _lowest = lowestMetres;
        _spacing = (highestMetres - lowestMetres) / (count - 1);
        for (int k = 0; k < count; k++)
        {
            _cost[k] = 0;
            _recent[k] = 0;
        }
    }

    /// <summary>Height of candidate <paramref name="index"/>, Q31.32 m.</summary>
    public long HeightOf(int index) => _lowest + (index * _spacing);

    /// <summary>Spacing of the candidates, Q31.32 m.</summary>
    public long Spacing => _spacing;

    /// <summary>Decayed cost of candidate <paramref name="index"/>, Q31.32 (a sum of χ² terms).</summary>
    public long CostOf(int index) => _cost[index];

    /// <summary>Velocity east of candidate <paramref name="index"/>'s trajectory, Q31.32 m/s.</summary>
    public long VelocityEastOf(int index) => _velocityEast[index];

    /// <summary>Velocity north of candidate <paramref name="index"/>'s trajectory, Q31.32 m/s.</summary>
    public long VelocityNorthOf(int index) => _velocityNorth[index];

    /// <summary>The candidate nearest <paramref name="heightMetres"/> (Q31.32 m).</summary>
    public int Nearest(long heightMetres)
    {
        if (_spacing <= 0 || heightMetres <= _lowest)
        {
            return 0;
        }

        long index = (heightMetres - _lowest + (_spacing / 2)) / _spacing;
        return index >= Count ? Count - 1 : (int)index;
    }

    /// <summary>The candidate with the smallest cost (the lowest one on a tie).</summary>
    public int Best()
    {
        int best = 0;
        for (int k = 1; k < Count; k++)
        {
            if (_cost[k] < _cost[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// Places one height-less plot with every candidate height and advances each trajectory.
    /// The first plot starts the trajectories, the second gives their velocities, every later one
    /// adds its normalised squared innovation (capped) to the candidate's decayed cost. A
    /// candidate that cannot reach the plot (its height difference exceeds the slant range) is
    /// charged the cap and coasts: its prediction becomes its position and its velocity is kept,
    /// so it takes up the flight where it left it once the plots are within its reach again
    /// (placed at the radar, its trajectory would be pulled there at every such plot). A plot
    /// older than the last one is ignored.
    /// </summary>
    /// <param name="plane">The mast plane (ground range from slant range and height).</param>
    /// <param name="configuration">Gains, decay and cap (<see cref="TrackerConfiguration.HeightAlphaPerMille"/> and the next ones).</param>
    /// <param name="timeMicroseconds">The plot's time.</param>
    /// <param name="radarEast">Radar east in the plane, Q31.32 m.</param>
    /// <param name="radarNorth">Radar north, Q31.32 m.</param>
    /// <param name="radarHeight">Radar height above the ellipsoid, Q31.32 m.</param>
    /// <param name="slantRange">The plot's slant range, Q31.32 m.</param>
    /// <param name="sine">Q2.61 sine of its azimuth.</param>
    /// <param name="cosine">Q2.61 cosine of its azimuth.</param>
    /// <param name="rangeVariance">The radar's range variance, Q39.24 m².</param>
    /// <param name="crossRangeVariance">Its cross-range variance at <paramref name="referenceGroundRange"/>, Q39.24 m².</param>
    /// <param name="referenceGroundRange">The ground range that cross-range variance was computed at, Q31.32 m.</param>
    /// <returns>False when the plot was ignored (no candidates, or late).</returns>
    public bool Observe(MastPlane plane, TrackerConfiguration configuration, long timeMicroseconds, long radarEast, long radarNorth, long radarHeight, long slantRange, long sine, long cosine, long rangeVariance, long crossRangeVariance, long referenceGroundRange)
    {
        if (Count == 0 || slantRange <= 0 || referenceGroundRange <= 0 || (Plots > 0 && timeMicroseconds <= _timeMicroseconds))
        {
            return false;
        }

        long seconds = Plots == 0 ? 0 : Q31x32.FromMicroseconds(timeMicroseconds - _timeMicroseconds, ref _saturations);
        long alpha = FixedPoint.DivideShift(configuration.HeightAlphaPerMille, 1000, Q31x32.FractionBits, ref _saturations);
        long betaPerSecond = seconds == 0 ? 0 : Q31x32.Divide(FixedPoint.DivideShift(configuration.HeightBetaPerMille, 1000, Q31x32.FractionBits, ref _saturations), seconds, ref _saturations);
        long decay = FixedPoint.DivideShift(configuration.HeightCostDecayPerMille, 1000, Q31x32.FractionBits, ref _saturations);
        long recentDecay = FixedPoint.DivideShift(configuration.HeightRecentDecayPerMille, 1000, Q31x32.FractionBits, ref _saturations);
        long cap = Q31x32.FromInteger(configuration.HeightNisCap);

        // The steady-state innovation variance of an alpha-beta tracker is σ² / (1 − α).
        long rangeInnovation = rangeVariance / (1000 - configuration.HeightAlphaPerMille) * 1000;
        long crossInnovation = crossRangeVariance / (1000 - configuration.HeightAlphaPerMille) * 1000;
        rangeInnovation = rangeInnovation < Q39x24.One ? Q39x24.One : rangeInnovation;
        crossInnovation = crossInnovation < Q39x24.One ? Q39x24.One : crossInnovation;
        for (int k = 0; k < Count; k++)
        {
            bool reached = plane.TryGroundRange(slantRange, radarHeight, HeightOf(k), sine, cosine, out long ground, ref _saturations);
            long east = radarEast + FixedPoint.MultiplyShift(ground, sine, Q2x61.FractionBits, ref _saturations);
            long north = radarNorth + FixedPoint.MultiplyShift(ground, cosine, Q2x61.FractionBits, ref _saturations);
            if (Plots == 0)
            {
                _east[k] = east;
                _north[k] = north;
                _velocityEast[k] = 0;
                _velocityNorth[k] = 0;
                continue;
            }

            if (Plots == 1)
            {
                _velocityEast[k] = Q31x32.Divide(east - _east[k], seconds, ref _saturations);
                _velocityNorth[k] = Q31x32.Divide(north - _north[k], seconds, ref _saturations);
                _east[k] = east;
                _north[k] = north;
                continue;
            }

            long predictedEast = _east[k] + Q31x32.Multiply(_velocityEast[k], seconds, ref _saturations);
            long predictedNorth = _north[k] + Q31x32.Multiply(_velocityNorth[k], seconds, ref _saturations);
            if (!reached)
            {
                _cost[k] = Q31x32.Multiply(_cost[k], decay, ref _saturations) + cap;
                _recent[k] = Q31x32.Multiply(_recent[k], recentDecay, ref _saturations) + cap;
                _east[k] = predictedEast;
                _north[k] = predictedNorth;
                continue;
            }

            long residualEast = east - predictedEast;
            long residualNorth = north - predictedNorth;

            // Along the ray (sin θ, cos θ) and across it (cos θ, −sin θ).
            long along = FixedPoint.MultiplyShift(residualEast, sine, Q2x61.FractionBits, ref _saturations) + FixedPoint.MultiplyShift(residualNorth, cosine, Q2x61.FractionBits, ref _saturations);
            long across = FixedPoint.MultiplyShift(residualEast, cosine, Q2x61.FractionBits, ref _saturations) - FixedPoint.MultiplyShift(residualNorth, sine, Q2x61.FractionBits, ref _saturations);
            long nis = cap;
            if (ground > 0)
            {
                // Normalised in the radar's own measurement space, so every candidate is judged
                // on the same slant ranges and azimuths: a ground-range residual is a slant-range
                // residual of (g / ρ) of it, a cross-range one an azimuth residual of 1 / g, whose
                // variance is the plot's cross-range variance scaled to this candidate's g
                // (floored at the range variance). Otherwise a higher candidate, nearer the radar,
                // would look tighter only because it is nearer.
                long slantAlong = Q31x32.Multiply(along, Q31x32.Divide(ground, slantRange, ref _saturations), ref _saturations);
                long ratio = Q31x32.Divide(ground, referenceGroundRange, ref _saturations);
                long crossVariance = FixedPoint.MultiplyShift(crossInnovation, Q31x32.Multiply(ratio, ratio, ref _saturations), Q31x32.FractionBits, ref _saturations);
                crossVariance = crossVariance < rangeInnovation ? rangeInnovation : crossVariance;

                // Q31.32 × Q31.32 >> 40 is Q39.24 m², over a Q39.24 variance << 32: Q31.32.
                long alongSquared = FixedPoint.MultiplyShift(slantAlong, slantAlong, 40, ref _saturations);
                long acrossSquared = FixedPoint.MultiplyShift(across, across, 40, ref _saturations);
                nis = FixedPoint.DivideShift(alongSquared, rangeInnovation, Q31x32.FractionBits, ref _saturations)
                    + FixedPoint.DivideShift(acrossSquared, crossVariance, Q31x32.FractionBits, ref _saturations);
                nis = nis < 0 || nis > cap ? cap : nis;
            }

            _cost[k] = Q31x32.Multiply(_cost[k], decay, ref _saturations) + nis;
            _recent[k] = Q31x32.Multiply(_recent[k], recentDecay, ref _saturations) + nis;
            _east[k] = predictedEast + Q31x32.Multiply(alpha, residualEast, ref _saturations);
            _north[k] = predictedNorth + Q31x32.Multiply(alpha, residualNorth, ref _saturations);
            _velocityEast[k] += Q31x32.Multiply(betaPerSecond, residualEast, ref _saturations);
            _velocityNorth[k] += Q31x32.Multiply(betaPerSecond, residualNorth, ref _saturations);
        }

        _timeMicroseconds = timeMicroseconds;
        Plots++;
        return true;
    }

    /// <summary>
    /// The likelihood-ratio test: true when, after <see cref="TrackerConfiguration.HeightMinimumPlots"/>
    /// plots, the cost at the best height is below the cost at the held one by more than
    /// <see cref="TrackerConfiguration.HeightSwitchMargin"/>. Costs between candidates are read
    /// off the parabola through the three candidates around a height, and the best height is that
    /// parabola's vertex around the cheapest candidate (at most half a spacing from it), so a held
    /// height between two candidates is judged fairly and the new one is not quantised. Nothing
    /// moves while even the best candidate's cost is above <see cref="TrackerConfiguration.HeightConsistentCost"/>
    /// and its recent cost (the last two or three plots) above <see cref="TrackerConfiguration.HeightRecentConsistentCost"/>,
    /// nor before the same candidate has won <see cref="TrackerConfiguration.HeightSwitchTests"/> tests in a row
    /// (unless it wins by more than <see cref="TrackerConfiguration.HeightImmediateMargin"/>).
    /// </summary>
    /// <param name="configuration">The margin and minimum plots.</param>
    /// <param name="heldMetres">The track's held height, Q31.32 m.</param>
    /// <param name="heightMetres">The new height, Q31.32 m (the held one when false).</param>
    /// <param name="held">The candidate nearest the held height.</param>
    /// <param name="best">The cheapest candidate.</param>
    /// <returns>True when the held height should move to <paramref name="heightMetres"/>.</returns>
    public bool TryChoose(TrackerConfiguration configuration, long heldMetres, out long heightMetres, out int held, out int best)
    {
        heightMetres = heldMetres;
        held = Nearest(heldMetres);
        best = held;
        if (Count < 3 || Plots < configuration.HeightMinimumPlots)
        {
            return false;
        }

        best = Best();
        long bestHeight = HeightOf(best);
        long bestCost = _cost[best];
        if (best > 0 && best < Count - 1)
        {
            long curvature = _cost[best - 1] - (2 * _cost[best]) + _cost[best + 1];
            if (curvature > 0)
            {
                long half = Q31x32.One / 2;
                long offset = FixedPoint.DivideShift(_cost[best - 1] - _cost[best + 1], 2 * curvature, Q31x32.FractionBits, ref _saturations);
                offset = offset > half ? half : offset < -half ? -half : offset;
                bestHeight += Q31x32.Multiply(_spacing, offset, ref _saturations);
                bestCost = CostAt(bestHeight);
            }
        }

        long gain = CostAt(heldMetres) - bestCost;
        // No candidate explains the plots (a turn, a wrong plot): nothing is learnt of the height.
        // The last few plots fitting one candidate are enough after such a stretch: the decayed
        // costs still carry it, but alike for every candidate, so the ratio test is unharmed.
        bool consistent = bestCost <= Q31x32.FromInteger(configuration.HeightConsistentCost)
            || (configuration.HeightRecentConsistentCost > 0 && _recent[best] <= Q31x32.FromInteger(configuration.HeightRecentConsistentCost));
        if (!consistent || gain <= Q31x32.FromInteger(configuration.HeightSwitchMargin))
        {
            _pendingTests = 0;
            return false;
        }

        // The same winner on consecutive plots: one plot of a turn does not move the height;
        // a held height the plots refute outright (near the radar, one that cannot reach them) moves at once.
        _pendingTests = _pendingTests > 0 && _pendingBest == best ? _pendingTests + 1 : 1;
        _pendingBest = best;
        // A best candidate at the band's edge is not bracketed by the costs (the height may lie beyond):
        // it only moves the height when the held one is refuted outright.
        bool outright = gain > Q31x32.FromInteger(configuration.HeightImmediateMargin);
        if ((best == 0 || best == Count - 1) && !outright)
        {
            return false;
        }

        if (_pendingTests < configuration.HeightSwitchTests && !outright)
        {
            return false;
        }

        _pendingTests = 0;

        heightMetres = bestHeight;
        Chosen = true;
        return true;
    }

    /// <summary>The cost at any height in the band: the parabola through the three candidates around it, Q31.32.</summary>
    /// <param name="heightMetres">Q31.32 m (clamped to the band).</param>
    public long CostAt(long heightMetres)
    {
        int middle = Nearest(heightMetres);
        middle = middle < 1 ? 1 : middle > Count - 2 ? Count - 2 : middle;
        long x = Q31x32.Divide(heightMetres - HeightOf(middle), _spacing, ref _saturations);
        long lowest = -Q31x32.One - (Q31x32.One / 2);
        long highest = Q31x32.One + (Q31x32.One / 2);
        x = x < lowest ? lowest : x > highest ? highest : x;
        long below = _cost[middle - 1];
        long centre = _cost[middle];
        long above = _cost[middle + 1];

        // f(x) = c + (a − b)/2 x + (b − 2c + a)/2 x² through (−1, b), (0, c), (1, a).
        long slope = (above - below) / 2;
        long curvature = (below - (2 * centre) + above) / 2;
        long value = centre + Q31x32.Multiply(slope, x, ref _saturations) + Q31x32.Multiply(curvature, Q31x32.Multiply(x, x, ref _saturations), ref _saturations);
        return value < 0 ? 0 : value;
    }
}

using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// An interacting multiple model filter (Blom and Bar-Shalom, IEEE TAC 33(8), 1988; Bar-Shalom
/// et al. 2001, §11.6) for the horizontal channel: a quiet nearly-constant-velocity model, a
/// manoeuvre model with a much larger acceleration density and, when turn rates are set, two
/// pairs of coordinated-turn models (left and right at <see cref="TurnRate"/> and
/// <see cref="WideTurnRate"/>; Bar-Shalom et al. §11.7), which follow a steady turn without the
/// manoeuvre model's noise. Each predict mixes the estimates through the Markov switching
/// probabilities; each scalar update runs in every model and reweights the mode probabilities by
/// the ratio of their Gaussian likelihoods (sequential scalar likelihoods multiply to the joint
/// one). Integers throughout.
/// </summary>
public sealed class InteractingMultipleModelFilter
{
    /// <summary>Most modes the filter runs: quiet, manoeuvre and two pairs of turns.</summary>
    public const int MaximumModes = 6;

    // Modes 2 and 3 turn left and right at TurnRate, 4 and 5 at WideTurnRate.
    private const int QuietMode = 0;
    private const int ManoeuvreMode = 1;
    private const int FirstTurnMode = 2;

    private GaussianEstimate[] _modes = new GaussianEstimate[MaximumModes];
    private GaussianEstimate[] _mixedModes = new GaussianEstimate[MaximumModes];
    private readonly long[] _probabilities = new long[MaximumModes];
    private readonly long[] _predicted = new long[MaximumModes];
    private readonly long[] _transitions = new long[MaximumModes * MaximumModes];
    private readonly long[] _weights = new long[MaximumModes];
    private readonly long[] _offsets = new long[MaximumModes * 4];
    private readonly long[] _nis = new long[MaximumModes];
    private readonly long[] _logVariances = new long[MaximumModes];
    private readonly long[] _scratchMatrix = new long[16];
    private readonly long[] _covarianceColumn = new long[4];
    private readonly long[] _gain = new long[4];
    private readonly long[] _floors = new long[4];
    private int _saturations;

    /// <summary>Creates the filter with the given model densities and switching probabilities.</summary>
    /// <param name="quietDensity">Quiet model acceleration density, Q39.24 m²/s³.</param>
    /// <param name="manoeuvreDensity">Manoeuvre model acceleration density, Q39.24 m²/s³.</param>
    /// <param name="quietToManoeuvre">Probability of switching quiet → manoeuvre per predict, Q2.61.</param>
    /// <param name="manoeuvreToQuiet">Probability of switching manoeuvre → quiet per predict, Q2.61.</param>
    public InteractingMultipleModelFilter(long quietDensity, long manoeuvreDensity, long quietToManoeuvre, long manoeuvreToQuiet)
    {
        for (int mode = 0; mode < MaximumModes; mode++)
        {
            _modes[mode] = new GaussianEstimate(2);
            _mixedModes[mode] = new GaussianEstimate(2);
        }

        QuietDensity = quietDensity;
        ManoeuvreDensity = manoeuvreDensity;
        QuietToManoeuvre = quietToManoeuvre;
        ManoeuvreToQuiet = manoeuvreToQuiet;
        _floors[0] = TrackFilter.DefaultPositionVarianceFloor;
        _floors[1] = TrackFilter.DefaultPositionVarianceFloor;
        _floors[2] = TrackFilter.DefaultVelocityVarianceFloor;
        _floors[3] = TrackFilter.DefaultVelocityVarianceFloor;
    }

    /// <summary>Quiet model density, Q39.24 m²/s³.</summary>
    public long QuietDensity { get; set; }

    /// <summary>Manoeuvre model density, Q39.24 m²/s³.</summary>
    public long ManoeuvreDensity { get; set; }

    /// <summary>Switching probability quiet → manoeuvre per predict, Q2.61.</summary>
    public long QuietToManoeuvre { get; set; }

    /// <summary>Switching probability manoeuvre → quiet per predict, Q2.61.</summary>
    public long ManoeuvreToQuiet { get; set; }

    /// <summary>
    /// Turn rate of the first pair of coordinated-turn modes (left and right), Q2.61 rad/s, at
    /// most 0.19 (11°/s); 0 runs the quiet and manoeuvre modes alone.
    /// </summary>
    public long TurnRate { get; set; }

    /// <summary>Turn rate of the second pair of turn modes, Q2.61 rad/s (used when <see cref="TurnRate"/> is set too); 0 for none.</summary>
    public long WideTurnRate { get; set; }

    /// <summary>Acceleration density of the turn modes about their turn, Q39.24 m²/s³.</summary>
    public long TurnDensity { get; set; }

    /// <summary>Switching probability quiet → each turn mode per predict, Q2.61.</summary>
    public long QuietToTurn { get; set; }

    /// <summary>Switching probability turn mode → quiet per predict, Q2.61.</summary>
    public long TurnToQuiet { get; set; }

    /// <summary>Lower bound on the quiet and manoeuvre modes' probabilities (Q2.61, 0.001) so neither dies out.</summary>
    public static long MinimumModeProbability => Q2x61.One / 1000;

    /// <summary>
    /// Lower bound on each turn mode's probability (Q2.61, 10⁻⁵). Kept a hundred times below the
    /// other modes' floor: at 0.001 each, the four turn modes cost crossing-targets' straight
    /// flights 4.1 m of mean GOSPA (every run worse), at 10⁻⁵ 1.9 m and at 10⁻⁶ the same, all
    /// entered at 10⁻⁴ per second (`TuningSweepTests`).
    /// </summary>
    public static long TurnModeMinimumProbability => Q2x61.One / 100_000;

    /// <summary>Probability of every mode but the quiet one, Q2.61.</summary>
    public long ManoeuvreProbability => Q2x61.One - _probabilities[QuietMode];

    /// <summary>
    /// The smaller of the quiet and manoeuvre modes' NIS in the last scalar update, Q31.32: a
    /// measurement either explains is plausible (a gate over the union of their gates). The turn
    /// modes are left out: the manoeuvre mode's gate holds any plot a 1.5-3°/s turn explains,
    /// and with them in, the smallest NIS as association cost let two primary tracks 350 m apart
    /// trade plots (transponder-masking's id changes 3.5 → 5.7 per run on the tuning sweep).
    /// </summary>
    public long LastSmallestNis { get; private set; }

    /// <summary>Combined estimate, filled by <see cref="Combine"/>.</summary>
    public GaussianEstimate Combined { get; } = new GaussianEstimate(2);

    /// <summary>Time of the estimates, microseconds.</summary>
    public long TimeMicroseconds { get; private set; }

    /// <summary>Saturated operations and refused updates since initialisation.</summary>
    public int SaturationCount => _saturations;

    private int ModeCount => TurnRate > 0 ? (WideTurnRate > 0 ? 6 : 4) : 2;

    /// <summary>Starts every model from one measurement; the quiet mode starts at probability 0.9.</summary>
    /// <param name="timeMicroseconds">Time.</param>
    /// <param name="eastMetres">Q31.32 m.</param>
    /// <param name="northMetres">Q31.32 m.</param>
    /// <param name="positionVariance">Q39.24 m².</param>
    /// <param name="velocityEast">Q31.32 m/s.</param>
    /// <param name="velocityNorth">Q31.32 m/s.</param>
    /// <param name="velocityVariance">Q39.24 m²/s².</param>
    public void Initialise(long timeMicroseconds, long eastMetres, long northMetres, long positionVariance, long velocityEast, long velocityNorth, long velocityVariance)
    {
        GaussianEstimate quiet = _modes[QuietMode];
        quiet.Clear();
        quiet.SetAxis(0, eastMetres, velocityEast, positionVariance, velocityVariance);
        quiet.SetAxis(1, northMetres, velocityNorth, positionVariance, velocityVariance);
        Seed(quiet, timeMicroseconds);
    }

    /// <summary>
    /// Mixes the models (IMM interaction step) and predicts each to a later time: the quiet and
    /// manoeuvre modes nearly-constant-velocity, the turn modes by a coordinated turn.
    /// </summary>
    /// <param name="timeMicroseconds">Target time, ≥ <see cref="TimeMicroseconds"/>.</param>
    /// <returns>False (nothing changes) for an earlier time.</returns>
    public bool Predict(long timeMicroseconds)
    {
        long elapsed = timeMicroseconds - TimeMicroseconds;
        if (elapsed < 0)
        {
            return false;
        }

        int modes = ModeCount;
        FillTransitions(modes);

        // Turn modes switched off carry nothing; switched on again, they start from the quiet mode.
        for (int mode = modes; mode < MaximumModes; mode++)
        {
            _probabilities[mode] = 0;
        }

        // c_j = Σ_i π_ij μ_i; mixed start for each model j with weights μ_(i|j) = π_ij μ_i / c_j.
        for (int j = 0; j < modes; j++)
        {
            long predicted = 0;
            for (int i = 0; i < modes; i++)
            {
                long flow = Multiply(_transitions[i * MaximumModes + j], _probabilities[i]);
                _weights[i] = flow;
                predicted += flow;
            }

            for (int i = 0; i < modes; i++)
            {
                _weights[i] = _weights[i] == 0 ? 0 : Q2x61.Divide(_weights[i], predicted, ref _saturations);
            }

            _predicted[j] = predicted;
            Mix(modes, _weights, _mixedModes[j]);
        }

        GaussianEstimate[] swap = _modes;
        _modes = _mixedModes;
        _mixedModes = swap;

        // The probabilities sum to one exactly: the manoeuvre mode takes the rounding remainder.
        long others = 0;
        for (int mode = 0; mode < modes; mode++)
        {
            _probabilities[mode] = _predicted[mode];
            others += mode == ManoeuvreMode ? 0 : _predicted[mode];
        }

        _probabilities[ManoeuvreMode] = Q2x61.One - others;

        if (elapsed > 0)
        {
            long seconds = Q31x32.FromMicroseconds(elapsed, ref _saturations);
            ConstantVelocityPrediction.Predict(_modes[QuietMode], _scratchMatrix, seconds, QuietDensity, ref _saturations);
            ConstantVelocityPrediction.Predict(_modes[ManoeuvreMode], _scratchMatrix, seconds, ManoeuvreDensity, ref _saturations);
            for (int mode = FirstTurnMode; mode < modes; mode++)
            {
                long rate = mode < FirstTurnMode + 2 ? TurnRate : WideTurnRate;
                CoordinatedTurnPrediction.Predict(_modes[mode], _scratchMatrix, seconds, (mode & 1) == 0 ? rate : -rate, TurnDensity, ref _saturations);
            }
        }

        TimeMicroseconds = timeMicroseconds;
        return true;
    }

    /// <summary>Starts every mode at an estimate (quiet probability 0.9), at its time.</summary>
    /// <param name="estimate">A 2-axis estimate (east, north with velocities).</param>
    /// <param name="timeMicroseconds">Its time, µs.</param>
    public void Seed(GaussianEstimate estimate, long timeMicroseconds)
    {
        TimeMicroseconds = timeMicroseconds;
        _saturations = 0;
        for (int mode = 0; mode < MaximumModes; mode++)
        {
            if (_modes[mode] != estimate)
            {
                _modes[mode].CopyFrom(estimate);
            }
        }

        // The turn modes start at the floor; the manoeuvre mode has the rest of 0.1.
        int modes = ModeCount;
        _probabilities[QuietMode] = Q2x61.One / 10 * 9;
        _probabilities[ManoeuvreMode] = Q2x61.One - _probabilities[QuietMode] - ((modes - FirstTurnMode) * TurnModeMinimumProbability);
        for (int mode = FirstTurnMode; mode < MaximumModes; mode++)
        {
            _probabilities[mode] = mode < modes ? TurnModeMinimumProbability : 0;
        }
    }

    /// <summary>
    /// Moves every mode's position by the same offset, leaving covariances and mode probabilities
    /// as they are (a known translation of the whole estimate, as <see cref="TrackFilter.Translate"/>).
    /// </summary>
    /// <param name="eastMetres">East offset, Q31.32 m.</param>
    /// <param name="northMetres">North offset, Q31.32 m.</param>
    public void Translate(long eastMetres, long northMetres)
    {
        for (int mode = 0; mode < MaximumModes; mode++)
        {
            long[] mean = _modes[mode].Mean;
            mean[0] = FixedPoint.Add(mean[0], eastMetres, ref _saturations);
            mean[1] = FixedPoint.Add(mean[1], northMetres, ref _saturations);
        }
    }

    /// <summary>Variance floors applied after every update (as <see cref="TrackFilter.SetVarianceFloors"/>).</summary>
    /// <param name="positionVariance">Position floor, Q39.24 m².</param>
    /// <param name="velocityVariance">Velocity floor, Q39.24 m²/s².</param>
    public void SetVarianceFloors(long positionVariance, long velocityVariance)
    {
        _floors[0] = positionVariance;
        _floors[1] = positionVariance;
        _floors[2] = velocityVariance;
        _floors[3] = velocityVariance;
    }

    /// <summary>Copies another filter's whole state and settings into this one.</summary>
    /// <param name="other">The source.</param>
    public void CopyFrom(InteractingMultipleModelFilter other)
    {
        for (int mode = 0; mode < MaximumModes; mode++)
        {
            _modes[mode].CopyFrom(other._modes[mode]);
        }

        Combined.CopyFrom(other.Combined);
        System.Array.Copy(other._floors, _floors, 4);
        System.Array.Copy(other._probabilities, _probabilities, MaximumModes);
        _saturations = other._saturations;
        TimeMicroseconds = other.TimeMicroseconds;
        QuietDensity = other.QuietDensity;
        ManoeuvreDensity = other.ManoeuvreDensity;
        QuietToManoeuvre = other.QuietToManoeuvre;
        ManoeuvreToQuiet = other.ManoeuvreToQuiet;
        TurnRate = other.TurnRate;
        WideTurnRate = other.WideTurnRate;
        TurnDensity = other.TurnDensity;
        QuietToTurn = other.QuietToTurn;
        TurnToQuiet = other.TurnToQuiet;
    }

    /// <summary>Scalar update of east (index 0), north (1), v_east (2) or v_north (3) in every mode.</summary>
    /// <param name="index">State index, 0 to 3.</param>
    /// <param name="measurement">Q31.32 (m or m/s).</param>
    /// <param name="variance">Q39.24.</param>
    /// <returns>NIS of the mode that was most probable before the update, Q31.32.</returns>
    public long Update(int index, long measurement, long variance) =>
        Update(index, Q2x61.One, -1, 0, measurement, variance);

    /// <summary>Radar plot as range and cross-range updates in every mode (see <see cref="TrackFilter.UpdateRadar"/>), radar at the mast.</summary>
    /// <param name="groundRangeMetres">Q31.32 m.</param>
    /// <param name="sineAzimuth">Q2.61.</param>
    /// <param name="cosineAzimuth">Q2.61.</param>
    /// <param name="rangeVariance">Q39.24 m².</param>
    /// <param name="crossRangeVariance">Q39.24 m².</param>
    /// <returns>Sum of the two NIS values of the most probable mode, Q31.32.</returns>
    public long UpdateRadar(long groundRangeMetres, long sineAzimuth, long cosineAzimuth, long rangeVariance, long crossRangeVariance)
    {
        long range = Update(0, sineAzimuth, 1, cosineAzimuth, groundRangeMetres, rangeVariance);
        long cross = Update(0, cosineAzimuth, 1, -sineAzimuth, 0, crossRangeVariance);
        int clamps = 0;
        return FixedPoint.Add(range, cross, ref clamps);
    }

    /// <summary>Fills <see cref="Combined"/> with the probability-weighted mixture of the modes.</summary>
    /// <returns><see cref="Combined"/>.</returns>
    public GaussianEstimate Combine()
    {
        Mix(ModeCount, _probabilities, Combined);
        return Combined;
    }

    /// <summary>
    /// One scalar measurement z = c1·x[first] + c2·x[second] (second index -1 for none) in every
    /// mode, reweighting the mode probabilities by their likelihoods.
    /// </summary>
    /// <param name="firstIndex">State index of the first term (0 east, 1 north, 2 v east, 3 v north).</param>
    /// <param name="firstCoefficient">Its coefficient, Q2.61.</param>
    /// <param name="secondIndex">State index of the second term, or -1.</param>
    /// <param name="secondCoefficient">Its coefficient, Q2.61.</param>
    /// <param name="measurement">The measured value, Q31.32.</param>
    /// <param name="variance">Its variance, Q39.24.</param>
    /// <returns>NIS of the mode that was most probable before the update, Q31.32.</returns>
    public long Update(int firstIndex, long firstCoefficient, int secondIndex, long secondCoefficient, long measurement, long variance)
    {
        int modes = ModeCount;
        int likeliest = QuietMode;
        bool valid = true;
        long smallest = long.MaxValue;
        for (int mode = 0; mode < modes; mode++)
        {
            _nis[mode] = ScalarUpdate.Apply(_modes[mode], _covarianceColumn, _gain, firstIndex, firstCoefficient, secondIndex, secondCoefficient, measurement, variance, _floors, ref _saturations, out long innovationVariance);
            valid &= _nis[mode] != ScalarUpdate.InvalidNis;
            _logVariances[mode] = Transcendental.Log2(innovationVariance, ref _saturations);
            if (mode < FirstTurnMode)
            {
                smallest = _nis[mode] < smallest ? _nis[mode] : smallest;
            }

            likeliest = _probabilities[mode] > _probabilities[likeliest] ? mode : likeliest;
        }

        long reported = _nis[likeliest];
        LastSmallestNis = smallest;
        if (!valid)
        {
            return reported;
        }

        // ln Λ_j - ln Λ_quiet = -(d_j / 2) with d_j = NIS_j - NIS_quiet + ln(s_j / s_quiet); the
        // best mode (smallest d) keeps its prior weight, every other is scaled by e^(-(d - d_best)/2).
        int clamps = 0;
        int best = QuietMode;
        for (int mode = 0; mode < modes; mode++)
        {
            long logRatio = Q2x61Times(Transcendental.NaturalLogOf2, _logVariances[mode] - _logVariances[QuietMode]);
            _weights[mode] = FixedPoint.Add(FixedPoint.Subtract(_nis[mode], _nis[QuietMode], ref clamps), logRatio, ref clamps);
            best = _weights[mode] < _weights[best] ? mode : best;
        }

        long bestDifference = _weights[best];
        long total = 0;
        for (int mode = 0; mode < modes; mode++)
        {
            _weights[mode] = mode == best
                ? _probabilities[mode]
                : Multiply(_probabilities[mode], Transcendental.ExpNegative(FixedPoint.Subtract(_weights[mode], bestDifference, ref clamps) / 2));
            total += _weights[mode];
        }

        long others = 0;
        for (int mode = 0; mode < modes; mode++)
        {
            if (mode != best)
            {
                _probabilities[mode] = Q2x61.Divide(_weights[mode], total, ref _saturations);
                others += _probabilities[mode];
            }
        }

        _probabilities[best] = Q2x61.One - others;
        KeepAboveFloor(modes);
        return reported;
    }

    // Raises every running mode to the floor, taking what that costs from the likeliest mode.
    private void KeepAboveFloor(int modes)
    {
        int likeliest = QuietMode;
        long deficit = 0;
        for (int mode = 0; mode < modes; mode++)
        {
            long minimum = mode < FirstTurnMode ? MinimumModeProbability : TurnModeMinimumProbability;
            if (_probabilities[mode] < minimum)
            {
                deficit += minimum - _probabilities[mode];
                _probabilities[mode] = minimum;
            }

            likeliest = _probabilities[mode] > _probabilities[likeliest] ? mode : likeliest;
        }

        _probabilities[likeliest] -= deficit;
    }

    // π_ij per predict: quiet → manoeuvre and quiet → each turn; manoeuvre → quiet; each turn → quiet.
    private void FillTransitions(int modes)
    {
        System.Array.Clear(_transitions, 0, _transitions.Length);
        long quietToTurn = modes > FirstTurnMode ? QuietToTurn : 0;
        _transitions[QuietMode * MaximumModes + ManoeuvreMode] = QuietToManoeuvre;
        _transitions[QuietMode * MaximumModes + QuietMode] = Q2x61.One - QuietToManoeuvre - ((modes - FirstTurnMode) * quietToTurn);
        _transitions[ManoeuvreMode * MaximumModes + QuietMode] = ManoeuvreToQuiet;
        _transitions[ManoeuvreMode * MaximumModes + ManoeuvreMode] = Q2x61.One - ManoeuvreToQuiet;
        for (int turn = FirstTurnMode; turn < modes; turn++)
        {
            _transitions[QuietMode * MaximumModes + turn] = quietToTurn;
            _transitions[turn * MaximumModes + QuietMode] = TurnToQuiet;
            _transitions[turn * MaximumModes + turn] = Q2x61.One - TurnToQuiet;
        }
    }

    // target = Σ_i w_i · mode_i: mean Σ w x, covariance Σ w (P + (x - mean)(x - mean)ᵀ). Modes of
    // weight 0 add nothing and are skipped.
    private void Mix(int modes, long[] weights, GaussianEstimate target)
    {
        long[] mean = target.Mean, covariance = target.Covariance;
        for (int i = 0; i < 4; i++)
        {
            long mixed = 0;
            for (int mode = 0; mode < modes; mode++)
            {
                if (weights[mode] != 0)
                {
                    mixed = FixedPoint.Add(mixed, Q2x61Times(weights[mode], _modes[mode].Mean[i]), ref _saturations);
                }
            }

            for (int mode = 0; mode < modes; mode++)
            {
                _offsets[mode * 4 + i] = weights[mode] == 0 ? 0 : FixedPoint.Subtract(_modes[mode].Mean[i], mixed, ref _saturations);
            }

            mean[i] = mixed;
        }

        for (int row = 0; row < 4; row++)
        {
            for (int column = row; column < 4; column++)
            {
                int index = row * 4 + column;
                long value = 0;
                for (int mode = 0; mode < modes; mode++)
                {
                    if (weights[mode] == 0)
                    {
                        continue;
                    }

                    // Offsets are Q31.32: their product shifted by 40 is Q39.24.
                    long spread = FixedPoint.Add(_modes[mode].Covariance[index], FixedPoint.MultiplyShift(_offsets[mode * 4 + row], _offsets[mode * 4 + column], 40, ref _saturations), ref _saturations);
                    value = FixedPoint.Add(value, Q2x61Times(weights[mode], spread), ref _saturations);
                }

                covariance[index] = value;
                covariance[column * 4 + row] = value;
            }
        }
    }

    private long Multiply(long left, long right) => Q2x61.Multiply(left, right, ref _saturations);

    private long Q2x61Times(long factor, long value) =>
        FixedPoint.MultiplyShift(factor, value, Q2x61.FractionBits, ref _saturations);
}

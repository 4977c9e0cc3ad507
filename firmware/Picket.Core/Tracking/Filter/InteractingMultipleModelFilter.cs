using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// A two-mode interacting multiple model filter (Blom and Bar-Shalom, IEEE TAC 33(8), 1988;
/// Bar-Shalom et al. 2001, §11.6) for the horizontal channel: a quiet nearly-constant-velocity
/// model and a manoeuvre model with a much larger acceleration density. Each predict mixes the
/// two estimates through the Markov switching probabilities; each scalar update runs in both
/// models and reweights the mode probabilities by the ratio of their Gaussian likelihoods
/// (sequential scalar likelihoods multiply to the joint one). Integers throughout.
/// </summary>
public sealed class InteractingMultipleModelFilter
{
    private readonly GaussianEstimate _quiet = new GaussianEstimate(2);
    private readonly GaussianEstimate _manoeuvre = new GaussianEstimate(2);
    private readonly GaussianEstimate _mixed = new GaussianEstimate(2);
    private readonly long[] _scratchMatrix = new long[16];
    private readonly long[] _covarianceColumn = new long[4];
    private readonly long[] _gain = new long[4];
    private readonly long[] _floors = new long[4];
    private long _quietProbability;
    private int _saturations;

    /// <summary>Creates the filter with the given model densities and switching probabilities.</summary>
    /// <param name="quietDensity">Quiet model acceleration density, Q39.24 m²/s³.</param>
    /// <param name="manoeuvreDensity">Manoeuvre model acceleration density, Q39.24 m²/s³.</param>
    /// <param name="quietToManoeuvre">Probability of switching quiet → manoeuvre per predict, Q2.61.</param>
    /// <param name="manoeuvreToQuiet">Probability of switching manoeuvre → quiet per predict, Q2.61.</param>
    public InteractingMultipleModelFilter(long quietDensity, long manoeuvreDensity, long quietToManoeuvre, long manoeuvreToQuiet)
    {
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

    /// <summary>Lower bound on either mode's probability (Q2.61, 0.001) so neither model dies out.</summary>
    public static long MinimumModeProbability => Q2x61.One / 1000;

    /// <summary>Probability of the manoeuvre mode, Q2.61.</summary>
    public long ManoeuvreProbability => Q2x61.One - _quietProbability;

    /// <summary>
    /// The smaller of the two modes' NIS in the last scalar update, Q31.32: a measurement one
    /// mode explains is plausible (a gate over the union of the mode gates).
    /// </summary>
    public long LastSmallestNis { get; private set; }

    /// <summary>Combined estimate, filled by <see cref="Combine"/>.</summary>
    public GaussianEstimate Combined { get; } = new GaussianEstimate(2);

    /// <summary>Time of the estimates, microseconds.</summary>
    public long TimeMicroseconds { get; private set; }

    /// <summary>Saturated operations and refused updates since initialisation.</summary>
    public int SaturationCount => _saturations;

    /// <summary>Starts both models from one measurement; the quiet mode starts at probability 0.9.</summary>
    /// <param name="timeMicroseconds">Time.</param>
    /// <param name="eastMetres">Q31.32 m.</param>
    /// <param name="northMetres">Q31.32 m.</param>
    /// <param name="positionVariance">Q39.24 m².</param>
    /// <param name="velocityEast">Q31.32 m/s.</param>
    /// <param name="velocityNorth">Q31.32 m/s.</param>
    /// <param name="velocityVariance">Q39.24 m²/s².</param>
    public void Initialise(long timeMicroseconds, long eastMetres, long northMetres, long positionVariance, long velocityEast, long velocityNorth, long velocityVariance)
    {
        TimeMicroseconds = timeMicroseconds;
        _saturations = 0;
        _quiet.Clear();
        _quiet.SetAxis(0, eastMetres, velocityEast, positionVariance, velocityVariance);
        _quiet.SetAxis(1, northMetres, velocityNorth, positionVariance, velocityVariance);
        _manoeuvre.CopyFrom(_quiet);
        _quietProbability = Q2x61.One / 10 * 9;
    }

    /// <summary>Mixes the models (IMM interaction step) and predicts both to a later time.</summary>
    /// <param name="timeMicroseconds">Target time, ≥ <see cref="TimeMicroseconds"/>.</param>
    /// <returns>False (nothing changes) for an earlier time.</returns>
    public bool Predict(long timeMicroseconds)
    {
        long elapsed = timeMicroseconds - TimeMicroseconds;
        if (elapsed < 0)
        {
            return false;
        }

        long quiet = _quietProbability;
        long manoeuvre = Q2x61.One - quiet;
        long stayQuiet = Multiply(Q2x61.One - QuietToManoeuvre, quiet);
        long becomeQuiet = Multiply(ManoeuvreToQuiet, manoeuvre);
        long becomeManoeuvre = Multiply(QuietToManoeuvre, quiet);
        long stayManoeuvre = Multiply(Q2x61.One - ManoeuvreToQuiet, manoeuvre);
        long predictedQuiet = stayQuiet + becomeQuiet;
        long predictedManoeuvre = becomeManoeuvre + stayManoeuvre;

        // Mixed start for each model: weights μ_(i|j) = π_ij μ_i / c_j.
        Mix(Q2x61.Divide(stayQuiet, predictedQuiet, ref _saturations), Q2x61.Divide(becomeQuiet, predictedQuiet, ref _saturations), _mixed);
        Mix(Q2x61.Divide(becomeManoeuvre, predictedManoeuvre, ref _saturations), Q2x61.Divide(stayManoeuvre, predictedManoeuvre, ref _saturations), _manoeuvre);
        _quiet.CopyFrom(_mixed);
        _quietProbability = predictedQuiet;

        if (elapsed > 0)
        {
            long seconds = Q31x32.FromMicroseconds(elapsed, ref _saturations);
            ConstantVelocityPrediction.Predict(_quiet, _scratchMatrix, seconds, QuietDensity, ref _saturations);
            ConstantVelocityPrediction.Predict(_manoeuvre, _scratchMatrix, seconds, ManoeuvreDensity, ref _saturations);
        }

        TimeMicroseconds = timeMicroseconds;
        return true;
    }

    /// <summary>Starts both modes at an estimate (quiet probability 0.9), at its time.</summary>
    /// <param name="estimate">A 2-axis estimate (east, north with velocities).</param>
    /// <param name="timeMicroseconds">Its time, µs.</param>
    public void Seed(GaussianEstimate estimate, long timeMicroseconds)
    {
        TimeMicroseconds = timeMicroseconds;
        _saturations = 0;
        _quiet.CopyFrom(estimate);
        _manoeuvre.CopyFrom(estimate);
        _quietProbability = Q2x61.One / 10 * 9;
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
        _quiet.CopyFrom(other._quiet);
        _manoeuvre.CopyFrom(other._manoeuvre);
        Combined.CopyFrom(other.Combined);
        System.Array.Copy(other._floors, _floors, 4);
        _quietProbability = other._quietProbability;
        _saturations = other._saturations;
        TimeMicroseconds = other.TimeMicroseconds;
        QuietDensity = other.QuietDensity;
        ManoeuvreDensity = other.ManoeuvreDensity;
        QuietToManoeuvre = other.QuietToManoeuvre;
        ManoeuvreToQuiet = other.ManoeuvreToQuiet;
    }

    /// <summary>Scalar update of east (index 0), north (1), v_east (2) or v_north (3) in both models.</summary>
    /// <param name="index">State index, 0 to 3.</param>
    /// <param name="measurement">Q31.32 (m or m/s).</param>
    /// <param name="variance">Q39.24.</param>
    /// <returns>NIS of the mode that was more probable before the update, Q31.32.</returns>
    public long Update(int index, long measurement, long variance) =>
        Update(index, Q2x61.One, -1, 0, measurement, variance);

    /// <summary>Radar plot as range and cross-range updates in both models (see <see cref="TrackFilter.UpdateRadar"/>), radar at the mast.</summary>
    /// <param name="groundRangeMetres">Q31.32 m.</param>
    /// <param name="sineAzimuth">Q2.61.</param>
    /// <param name="cosineAzimuth">Q2.61.</param>
    /// <param name="rangeVariance">Q39.24 m².</param>
    /// <param name="crossRangeVariance">Q39.24 m².</param>
    /// <returns>Sum of the two NIS values of the more probable mode, Q31.32.</returns>
    public long UpdateRadar(long groundRangeMetres, long sineAzimuth, long cosineAzimuth, long rangeVariance, long crossRangeVariance)
    {
        long range = Update(0, sineAzimuth, 1, cosineAzimuth, groundRangeMetres, rangeVariance);
        long cross = Update(0, cosineAzimuth, 1, -sineAzimuth, 0, crossRangeVariance);
        int clamps = 0;
        return FixedPoint.Add(range, cross, ref clamps);
    }

    /// <summary>Fills <see cref="Combined"/> with the probability-weighted mixture of both models.</summary>
    /// <returns><see cref="Combined"/>.</returns>
    public GaussianEstimate Combine()
    {
        Mix(_quietProbability, Q2x61.One - _quietProbability, Combined);
        return Combined;
    }

    /// <summary>
    /// One scalar measurement z = c1·x[first] + c2·x[second] (second index -1 for none) in both
    /// modes, reweighting the mode probabilities by the two likelihoods.
    /// </summary>
    /// <param name="firstIndex">State index of the first term (0 east, 1 north, 2 v east, 3 v north).</param>
    /// <param name="firstCoefficient">Its coefficient, Q2.61.</param>
    /// <param name="secondIndex">State index of the second term, or -1.</param>
    /// <param name="secondCoefficient">Its coefficient, Q2.61.</param>
    /// <param name="measurement">The measured value, Q31.32.</param>
    /// <param name="variance">Its variance, Q39.24.</param>
    /// <returns>NIS of the more probable mode, Q31.32.</returns>
    public long Update(int firstIndex, long firstCoefficient, int secondIndex, long secondCoefficient, long measurement, long variance)
    {
        long quietNis = ScalarUpdate.Apply(_quiet, _covarianceColumn, _gain, firstIndex, firstCoefficient, secondIndex, secondCoefficient, measurement, variance, _floors, ref _saturations, out long quietVariance);
        long manoeuvreNis = ScalarUpdate.Apply(_manoeuvre, _covarianceColumn, _gain, firstIndex, firstCoefficient, secondIndex, secondCoefficient, measurement, variance, _floors, ref _saturations, out long manoeuvreVariance);
        long reported = _quietProbability >= Q2x61.One / 2 ? quietNis : manoeuvreNis;
        LastSmallestNis = quietNis < manoeuvreNis ? quietNis : manoeuvreNis;
        if (quietNis == ScalarUpdate.InvalidNis || manoeuvreNis == ScalarUpdate.InvalidNis)
        {
            return reported;
        }

        // ln Λ_q - ln Λ_m = -(d / 2) with d = NIS_q - NIS_m + ln(s_q / s_m).
        int clamps = 0;
        long logRatio = Q2x61Times(Transcendental.NaturalLogOf2, Transcendental.Log2(quietVariance, ref _saturations) - Transcendental.Log2(manoeuvreVariance, ref _saturations));
        long difference = FixedPoint.Add(FixedPoint.Subtract(quietNis, manoeuvreNis, ref clamps), logRatio, ref clamps);
        long quiet = _quietProbability;
        long manoeuvre = Q2x61.One - quiet;
        if (difference >= 0)
        {
            long weightedQuiet = Multiply(quiet, Transcendental.ExpNegative(difference / 2));
            quiet = Q2x61.Divide(weightedQuiet, weightedQuiet + manoeuvre, ref _saturations);
        }
        else
        {
            long weightedManoeuvre = Multiply(manoeuvre, Transcendental.ExpNegative(-(difference / 2)));
            quiet = Q2x61.One - Q2x61.Divide(weightedManoeuvre, weightedManoeuvre + quiet, ref _saturations);
        }

        long minimum = MinimumModeProbability;
        _quietProbability = quiet < minimum ? minimum : quiet > Q2x61.One - minimum ? Q2x61.One - minimum : quiet;
        return reported;
    }

    // target = a·quiet ⊕ b·manoeuvre: mean Σ w x, covariance Σ w (P + (x - mean)(x - mean)ᵀ).
    private void Mix(long quietWeight, long manoeuvreWeight, GaussianEstimate target)
    {
        long[] quietMean = _quiet.Mean, manoeuvreMean = _manoeuvre.Mean;
        long[] quietCovariance = _quiet.Covariance, manoeuvreCovariance = _manoeuvre.Covariance;
        long[] mean = target.Mean, covariance = target.Covariance;
        long[] quietOffset = _covarianceColumn, manoeuvreOffset = _gain;
        for (int i = 0; i < 4; i++)
        {
            long mixed = FixedPoint.Add(Q2x61Times(quietWeight, quietMean[i]), Q2x61Times(manoeuvreWeight, manoeuvreMean[i]), ref _saturations);
            quietOffset[i] = FixedPoint.Subtract(quietMean[i], mixed, ref _saturations);
            manoeuvreOffset[i] = FixedPoint.Subtract(manoeuvreMean[i], mixed, ref _saturations);
            mean[i] = mixed;
        }

        for (int row = 0; row < 4; row++)
        {
            for (int column = row; column < 4; column++)
            {
                int index = row * 4 + column;

                // Offsets are Q31.32: their product shifted by 40 is Q39.24.
                long quietSpread = FixedPoint.Add(quietCovariance[index], FixedPoint.MultiplyShift(quietOffset[row], quietOffset[column], 40, ref _saturations), ref _saturations);
                long manoeuvreSpread = FixedPoint.Add(manoeuvreCovariance[index], FixedPoint.MultiplyShift(manoeuvreOffset[row], manoeuvreOffset[column], 40, ref _saturations), ref _saturations);
                long value = FixedPoint.Add(Q2x61Times(quietWeight, quietSpread), Q2x61Times(manoeuvreWeight, manoeuvreSpread), ref _saturations);
                covariance[index] = value;
                covariance[column * 4 + row] = value;
            }
        }
    }

    private long Multiply(long left, long right) => Q2x61.Multiply(left, right, ref _saturations);

    private long Q2x61Times(long factor, long value) =>
        FixedPoint.MultiplyShift(factor, value, Q2x61.FractionBits, ref _saturations);
}

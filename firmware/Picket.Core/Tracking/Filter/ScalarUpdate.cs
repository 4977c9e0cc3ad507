using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// One scalar Kalman measurement update z = h · x + noise, where h has at most two non-zero
/// entries. Vector measurements with independent noise are processed as a sequence of these,
/// which is exact and needs no matrix inverse (Bierman, "Factorization Methods for Discrete
/// Sequential Estimation", 1977, ch. II). The covariance uses the Joseph form
/// P ← (I - k h) P (I - k h)ᵀ + k r kᵀ, which stays positive semi-definite even with a rounded
/// gain, evaluated on one triangle and mirrored so it stays exactly symmetric.
/// </summary>
internal static class ScalarUpdate
{
    /// <summary>NIS reported when the innovation variance is not positive (a covariance fault).</summary>
    public const long InvalidNis = long.MaxValue;

    /// <summary>Applies the update; returns the normalised innovation squared ν²/s.</summary>
    /// <param name="estimate">The estimate, updated in place.</param>
    /// <param name="covarianceColumn">Scratch of Dimension entries (P hᵀ).</param>
    /// <param name="gain">Scratch of Dimension entries (k).</param>
    /// <param name="firstIndex">State index of the first non-zero entry of h.</param>
    /// <param name="firstCoefficient">That entry, Q2.61 (|·| ≤ 1).</param>
    /// <param name="secondIndex">State index of the second entry, or -1 for none.</param>
    /// <param name="secondCoefficient">That entry, Q2.61.</param>
    /// <param name="measurement">z, Q31.32 in the state's units.</param>
    /// <param name="variance">Measurement noise variance r, Q39.24, &gt; 0.</param>
    /// <param name="floors">Per-state variance floors, Q39.24 (Dimension entries).</param>
    /// <param name="saturations">Incremented when an operation saturates or the update is refused.</param>
    /// <param name="innovationVariance">s = h P hᵀ + r, Q39.24 (for likelihoods).</param>
    /// <returns>NIS in Q31.32 (saturating at 2^31, far outside any gate), or <see cref="InvalidNis"/>.</returns>
    public static long Apply(GaussianEstimate estimate, long[] covarianceColumn, long[] gain, int firstIndex, long firstCoefficient, int secondIndex, long secondCoefficient, long measurement, long variance, long[] floors, ref int saturations, out long innovationVariance)
    {
        int dimension = estimate.Dimension;
        long[] mean = estimate.Mean;
        long[] covariance = estimate.Covariance;

        long predicted = Q2x61Times(firstCoefficient, mean[firstIndex], ref saturations);
        for (int i = 0; i < dimension; i++)
        {
            covarianceColumn[i] = Q2x61Times(firstCoefficient, covariance[i * dimension + firstIndex], ref saturations);
        }

        if (secondIndex >= 0)
        {
            predicted = FixedPoint.Add(predicted, Q2x61Times(secondCoefficient, mean[secondIndex], ref saturations), ref saturations);
            for (int i = 0; i < dimension; i++)
            {
                covarianceColumn[i] = FixedPoint.Add(covarianceColumn[i], Q2x61Times(secondCoefficient, covariance[i * dimension + secondIndex], ref saturations), ref saturations);
            }
        }

        innovationVariance = FixedPoint.Add(Q2x61Times(firstCoefficient, covarianceColumn[firstIndex], ref saturations), variance, ref saturations);
        if (secondIndex >= 0)
        {
            innovationVariance = FixedPoint.Add(innovationVariance, Q2x61Times(secondCoefficient, covarianceColumn[secondIndex], ref saturations), ref saturations);
        }

        if (innovationVariance <= 0)
        {
            saturations++;
            return InvalidNis;
        }

        long innovation = FixedPoint.Subtract(measurement, predicted, ref saturations);

        // A huge NIS is an ordinary answer (the measurement is far outside the gate), so its
        // clamp is not a numeric fault and is not counted.
        int nisClamps = 0;
        long innovationOverVariance = FixedPoint.DivideShift(innovation, innovationVariance, Q39x24.FractionBits, ref nisClamps);
        long nis = Q31x32.Multiply(innovationOverVariance, innovation, ref nisClamps);

        for (int i = 0; i < dimension; i++)
        {
            gain[i] = FixedPoint.DivideShift(covarianceColumn[i], innovationVariance, Q31x32.FractionBits, ref saturations);
            mean[i] = FixedPoint.Add(mean[i], Q31x32.Multiply(gain[i], innovation, ref saturations), ref saturations);
        }

        for (int row = 0; row < dimension; row++)
        {
            long scaledGain = Q39x24.MultiplyByQ31x32(innovationVariance, gain[row], ref saturations);
            for (int column = row; column < dimension; column++)
            {
                // Joseph form for scalar h: P - k cᵀ - c kᵀ + s k kᵀ, with c = P hᵀ.
                long value = covariance[row * dimension + column];
                value = FixedPoint.Subtract(value, Q39x24.MultiplyByQ31x32(covarianceColumn[column], gain[row], ref saturations), ref saturations);
                value = FixedPoint.Subtract(value, Q39x24.MultiplyByQ31x32(covarianceColumn[row], gain[column], ref saturations), ref saturations);
                value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(scaledGain, gain[column], ref saturations), ref saturations);
                if (row == column && value < floors[row])
                {
                    value = floors[row];
                }

                covariance[row * dimension + column] = value;
                covariance[column * dimension + row] = value;
            }
        }

        return nis;
    }

    private static long Q2x61Times(long coefficient, long value, ref int saturations) =>
        coefficient == Q2x61.One ? value : FixedPoint.MultiplyShift(coefficient, value, Q2x61.FractionBits, ref saturations);
}

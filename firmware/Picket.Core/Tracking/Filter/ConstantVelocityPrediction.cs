using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// The nearly-constant-velocity time update x ← F x, P ← F P Fᵀ + Q with F = [[I, dt I], [0, I]]
/// (Bar-Shalom et al. 2001, §6.2.2), written element by element so the result is exactly
/// symmetric and no matrix is multiplied in full.
/// </summary>
internal static class ConstantVelocityPrediction
{
    /// <summary>Advances an estimate by a time step.</summary>
    /// <param name="estimate">The estimate, updated in place.</param>
    /// <param name="scratch">Caller-owned scratch of at least Dimension² entries.</param>
    /// <param name="seconds">Time step, Q31.32 seconds, ≥ 0.</param>
    /// <param name="density">Acceleration noise density, Q39.24 m²/s³.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public static void Predict(GaussianEstimate estimate, long[] scratch, long seconds, long density, ref int saturations)
    {
        int axes = estimate.Axes;
        int dimension = estimate.Dimension;
        long[] mean = estimate.Mean;
        long[] covariance = estimate.Covariance;
        for (int axis = 0; axis < axes; axis++)
        {
            mean[axis] = FixedPoint.Add(mean[axis], Q31x32.Multiply(mean[axis + axes], seconds, ref saturations), ref saturations);
        }

        // (F P Fᵀ)_ij = P_ij + dt P_(v(i), j) + dt P_(i, v(j)) + dt² P_(v(i), v(j)), the terms with
        // v(·) present only when that index is a position (v(i) = i + axes).
        for (int row = 0; row < dimension; row++)
        {
            bool rowIsPosition = row < axes;
            for (int column = row; column < dimension; column++)
            {
                bool columnIsPosition = column < axes;
                long value = covariance[row * dimension + column];
                if (rowIsPosition)
                {
                    value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(covariance[(row + axes) * dimension + column], seconds, ref saturations), ref saturations);
                }

                if (columnIsPosition)
                {
                    value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(covariance[row * dimension + column + axes], seconds, ref saturations), ref saturations);
                }

                if (rowIsPosition && columnIsPosition)
                {
                    long once = Q39x24.MultiplyByQ31x32(covariance[(row + axes) * dimension + column + axes], seconds, ref saturations);
                    value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(once, seconds, ref saturations), ref saturations);
                }

                scratch[row * dimension + column] = value;
            }
        }

        AddProcessNoise(scratch, axes, seconds, density, ref saturations);
        for (int row = 0; row < dimension; row++)
        {
            for (int column = row; column < dimension; column++)
            {
                long value = scratch[row * dimension + column];
                covariance[row * dimension + column] = value;
                covariance[column * dimension + row] = value;
            }
        }
    }

    /// <summary>
    /// Adds the white-acceleration process noise of one step to the upper triangle of a
    /// covariance: per axis q dt³/3 (position), q dt²/2 (position-velocity), q dt (velocity).
    /// </summary>
    /// <param name="matrix">Row-major covariance of 2 × <paramref name="axes"/> dimensions, Q39.24.</param>
    /// <param name="axes">Number of position axes.</param>
    /// <param name="seconds">Time step, Q31.32 seconds.</param>
    /// <param name="density">Acceleration noise density, Q39.24 m²/s³.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public static void AddProcessNoise(long[] matrix, int axes, long seconds, long density, ref int saturations)
    {
        int dimension = 2 * axes;
        long qDt = Q39x24.MultiplyByQ31x32(density, seconds, ref saturations);
        long qDt2 = Q39x24.MultiplyByQ31x32(qDt, seconds, ref saturations);
        long qDt3 = Q39x24.MultiplyByQ31x32(qDt2, seconds, ref saturations);
        long positionNoise = FixedPoint.DivideShift(qDt3, 3, 0, ref saturations);
        long crossNoise = FixedPoint.DivideShift(qDt2, 2, 0, ref saturations);
        for (int axis = 0; axis < axes; axis++)
        {
            int velocity = axis + axes;
            AddAt(matrix, dimension, axis, axis, positionNoise, ref saturations);
            AddAt(matrix, dimension, axis, velocity, crossNoise, ref saturations);
            AddAt(matrix, dimension, velocity, velocity, qDt, ref saturations);
        }
    }

    private static void AddAt(long[] matrix, int dimension, int row, int column, long value, ref int saturations)
    {
        int index = row * dimension + column;
        matrix[index] = FixedPoint.Add(matrix[index], value, ref saturations);
    }
}

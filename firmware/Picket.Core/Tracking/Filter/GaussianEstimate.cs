using System;
using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// A mean and covariance for a nearly-constant-velocity channel, in arrays the caller owns
/// (allocated once here, never again). The state is ordered positions first, then velocities in
/// the same axis order: (east, north, v_east, v_north) horizontally, (height, v_up) vertically.
/// </summary>
public sealed class GaussianEstimate
{
    /// <summary>Creates an estimate of zeros.</summary>
    /// <param name="axes">Number of axes: 2 (horizontal) or 1 (vertical).</param>
    public GaussianEstimate(int axes)
    {
        Axes = axes;
        Dimension = 2 * axes;
        Mean = new long[Dimension];
        Covariance = new long[Dimension * Dimension];
    }

    /// <summary>Number of position axes.</summary>
    public int Axes { get; }

    /// <summary>State dimension, 2 × <see cref="Axes"/>.</summary>
    public int Dimension { get; }

    /// <summary>Mean: positions in Q31.32 metres, velocities in Q31.32 metres per second.</summary>
    public long[] Mean { get; }

    /// <summary>
    /// Covariance, row-major <see cref="Dimension"/> × <see cref="Dimension"/>, Q39.24 in m², m²/s
    /// and m²/s². Kept exactly symmetric: every update computes one triangle and mirrors it.
    /// </summary>
    public long[] Covariance { get; }

    /// <summary>Covariance entry (row, column).</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    /// <returns>Raw Q39.24 value.</returns>
    public long CovarianceAt(int row, int column) => Covariance[row * Dimension + column];

    /// <summary>
    /// The position's variance along a unit direction u = (sine, cosine) (east, north) and across
    /// it, w = (cosine, −sine): uᵀPu and wᵀPw of the horizontal channel's position block.
    /// </summary>
    /// <param name="sine">Q2.61 east component of the direction.</param>
    /// <param name="cosine">Q2.61 north component of the direction.</param>
    /// <param name="along">Q39.24 m² along the direction.</param>
    /// <param name="across">Q39.24 m² across it.</param>
    /// <param name="saturations">Incremented on fixed-point saturation.</param>
    public void PositionVariancesInFrame(long sine, long cosine, out long along, out long across, ref int saturations)
    {
        long pee = CovarianceAt(0, 0);
        long pnn = CovarianceAt(1, 1);
        long pen = CovarianceAt(0, 1);
        long sineSquared = FixedPoint.MultiplyShift(sine, sine, Q2x61.FractionBits, ref saturations);
        long cosineSquared = FixedPoint.MultiplyShift(cosine, cosine, Q2x61.FractionBits, ref saturations);
        long sineCosine = FixedPoint.MultiplyShift(sine, cosine, Q2x61.FractionBits, ref saturations);
        along = FixedPoint.MultiplyShift(sineSquared, pee, Q2x61.FractionBits, ref saturations)
            + FixedPoint.MultiplyShift(cosineSquared, pnn, Q2x61.FractionBits, ref saturations)
            + (2 * FixedPoint.MultiplyShift(sineCosine, pen, Q2x61.FractionBits, ref saturations));
        across = FixedPoint.MultiplyShift(cosineSquared, pee, Q2x61.FractionBits, ref saturations)
            + FixedPoint.MultiplyShift(sineSquared, pnn, Q2x61.FractionBits, ref saturations)
            - (2 * FixedPoint.MultiplyShift(sineCosine, pen, Q2x61.FractionBits, ref saturations));
    }

    /// <summary>Copies another estimate of the same dimension into this one.</summary>
    /// <param name="other">The source.</param>
    public void CopyFrom(GaussianEstimate other)
    {
        Array.Copy(other.Mean, Mean, Dimension);
        Array.Copy(other.Covariance, Covariance, Dimension * Dimension);
    }

    /// <summary>Zeroes the mean and the covariance.</summary>
    public void Clear()
    {
        Array.Clear(Mean, 0, Mean.Length);
        Array.Clear(Covariance, 0, Covariance.Length);
    }

    /// <summary>Sets one axis's position and velocity with independent (diagonal) variances.</summary>
    /// <param name="axis">Axis index, 0 to <see cref="Axes"/> - 1.</param>
    /// <param name="position">Position, Q31.32 metres.</param>
    /// <param name="velocity">Velocity, Q31.32 metres per second.</param>
    /// <param name="positionVariance">Position variance, Q39.24 m².</param>
    /// <param name="velocityVariance">Velocity variance, Q39.24 m²/s².</param>
    public void SetAxis(int axis, long position, long velocity, long positionVariance, long velocityVariance)
    {
        int velocityIndex = axis + Axes;
        Mean[axis] = position;
        Mean[velocityIndex] = velocity;
        for (int other = 0; other < Dimension; other++)
        {
            Covariance[axis * Dimension + other] = 0;
            Covariance[other * Dimension + axis] = 0;
            Covariance[velocityIndex * Dimension + other] = 0;
            Covariance[other * Dimension + velocityIndex] = 0;
        }

        Covariance[axis * Dimension + axis] = positionVariance;
        Covariance[velocityIndex * Dimension + velocityIndex] = velocityVariance;
    }
}

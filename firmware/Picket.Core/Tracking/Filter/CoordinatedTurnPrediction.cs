using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// The coordinated-turn time update at a known turn rate ω (Bar-Shalom, Li, Kirubarajan 2001,
/// §11.7.1): the velocity turns by ωdt and the position follows the arc,
/// x ← F x, P ← F P Fᵀ + Q with, for the state (east, north, v_east, v_north),
/// <code>
/// F = [[1, 0, sin(ωdt)/ω, -(1 - cos(ωdt))/ω],
///      [0, 1, (1 - cos(ωdt))/ω, sin(ωdt)/ω],
///      [0, 0, cos(ωdt), -sin(ωdt)],
///      [0, 0, sin(ωdt), cos(ωdt)]]
/// </code>
/// (positive ω turns the velocity from east towards north, anticlockwise in the mast plane) and the
/// nearly-constant-velocity Q of a white acceleration about the turn. Steps longer than
/// <see cref="MaximumStepSeconds"/> are taken in equal parts, so the angle stays within CORDIC's
/// range whatever the gap.
/// </summary>
internal static class CoordinatedTurnPrediction
{
    /// <summary>Longest single step, seconds.</summary>
    public const int MaximumStepSeconds = 8;

    /// <summary>Advances a horizontal estimate by a time step along a turn.</summary>
    /// <param name="estimate">A 2-axis estimate, updated in place.</param>
    /// <param name="scratch">Caller-owned scratch of at least 16 entries.</param>
    /// <param name="seconds">Time step, Q31.32 seconds, ≥ 0.</param>
    /// <param name="turnRate">ω, Q2.61 rad/s, |ω| ≤ 0.19 (positive anticlockwise).</param>
    /// <param name="density">Acceleration noise density, Q39.24 m²/s³.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public static void Predict(GaussianEstimate estimate, long[] scratch, long seconds, long turnRate, long density, ref int saturations)
    {
        long maximumStep = Q31x32.FromInteger(MaximumStepSeconds);
        int steps = (int)(seconds / maximumStep) + 1;
        long step = seconds / steps;
        long last = seconds - step * (steps - 1);
        for (int i = 0; i < steps; i++)
        {
            PredictStep(estimate, scratch, i == steps - 1 ? last : step, turnRate, density, ref saturations);
        }
    }

    private static void PredictStep(GaussianEstimate estimate, long[] scratch, long seconds, long turnRate, long density, ref int saturations)
    {
        // θ = ω dt (Q2.61 rad); sin θ / ω = dt sin θ / θ and (1 - cos θ) / ω = dt (1 - cos θ) / θ,
        // seconds in Q31.32 (ω = 0 is the straight line).
        long angle = FixedPoint.MultiplyShift(turnRate, seconds, Q31x32.FractionBits, ref saturations);
        Trigonometry.SinCos(angle, out long sine, out long cosine);
        long along = seconds;
        long across = 0;
        if (angle != 0)
        {
            along = FixedPoint.MultiplyShift(seconds, FixedPoint.DivideShift(sine, angle, Q2x61.FractionBits, ref saturations), Q2x61.FractionBits, ref saturations);
            across = FixedPoint.MultiplyShift(seconds, FixedPoint.DivideShift(Q2x61.One - cosine, angle, Q2x61.FractionBits, ref saturations), Q2x61.FractionBits, ref saturations);
        }

        // F in Q31.32 (entries are seconds or pure numbers), row-major.
        long c = FixedPoint.Rescale(cosine, Q2x61.FractionBits, Q31x32.FractionBits, ref saturations);
        long s = FixedPoint.Rescale(sine, Q2x61.FractionBits, Q31x32.FractionBits, ref saturations);
        long one = Q31x32.One;

        long[] mean = estimate.Mean;
        long east = mean[0], north = mean[1], velocityEast = mean[2], velocityNorth = mean[3];
        mean[0] = FixedPoint.Add(east, FixedPoint.Subtract(Q31x32.Multiply(along, velocityEast, ref saturations), Q31x32.Multiply(across, velocityNorth, ref saturations), ref saturations), ref saturations);
        mean[1] = FixedPoint.Add(north, FixedPoint.Add(Q31x32.Multiply(across, velocityEast, ref saturations), Q31x32.Multiply(along, velocityNorth, ref saturations), ref saturations), ref saturations);
        mean[2] = FixedPoint.Subtract(Q31x32.Multiply(c, velocityEast, ref saturations), Q31x32.Multiply(s, velocityNorth, ref saturations), ref saturations);
        mean[3] = FixedPoint.Add(Q31x32.Multiply(s, velocityEast, ref saturations), Q31x32.Multiply(c, velocityNorth, ref saturations), ref saturations);

        // M = F P into scratch, then P = M Fᵀ (upper triangle, mirrored) in place.
        long[] covariance = estimate.Covariance;
        for (int column = 0; column < 4; column++)
        {
            long p0 = covariance[column], p1 = covariance[4 + column], p2 = covariance[8 + column], p3 = covariance[12 + column];
            scratch[column] = Combine(one, p0, along, p2, -across, p3, ref saturations);
            scratch[4 + column] = Combine(one, p1, across, p2, along, p3, ref saturations);
            scratch[8 + column] = Combine(c, p2, -s, p3, 0, 0, ref saturations);
            scratch[12 + column] = Combine(s, p2, c, p3, 0, 0, ref saturations);
        }

        for (int row = 0; row < 4; row++)
        {
            long m0 = scratch[row * 4], m1 = scratch[row * 4 + 1], m2 = scratch[row * 4 + 2], m3 = scratch[row * 4 + 3];
            for (int column = row; column < 4; column++)
            {
                long value;
                switch (column)
                {
                    case 0:
                        value = Combine(one, m0, along, m2, -across, m3, ref saturations);
                        break;
                    case 1:
                        value = Combine(one, m1, across, m2, along, m3, ref saturations);
                        break;
                    case 2:
                        value = Combine(c, m2, -s, m3, 0, 0, ref saturations);
                        break;
                    default:
                        value = Combine(s, m2, c, m3, 0, 0, ref saturations);
                        break;
                }

                covariance[row * 4 + column] = value;
            }
        }

        ConstantVelocityPrediction.AddProcessNoise(covariance, 2, seconds, density, ref saturations);
        for (int row = 1; row < 4; row++)
        {
            for (int column = 0; column < row; column++)
            {
                covariance[row * 4 + column] = covariance[column * 4 + row];
            }
        }
    }

    // f1 p1 + f2 p2 + f3 p3 with f in Q31.32 and p in Q39.24 (the diagonal's 1 taken exactly).
    private static long Combine(long f1, long p1, long f2, long p2, long f3, long p3, ref int saturations)
    {
        long value = f1 == Q31x32.One ? p1 : Q39x24.MultiplyByQ31x32(p1, f1, ref saturations);
        if (f2 != 0)
        {
            value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(p2, f2, ref saturations), ref saturations);
        }

        if (f3 != 0)
        {
            value = FixedPoint.Add(value, Q39x24.MultiplyByQ31x32(p3, f3, ref saturations), ref saturations);
        }

        return value;
    }
}

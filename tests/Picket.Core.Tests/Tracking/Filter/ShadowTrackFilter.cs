namespace Picket.Tracking.Filter;

/// <summary>
/// The double-precision shadow of <see cref="TrackFilter"/>: the same model (nearly constant
/// velocity, per-class densities, sequential scalar Joseph updates, variance floors) written
/// plainly with full matrices, as the oracle the fixed-point filter is measured against.
/// </summary>
internal sealed class ShadowTrackFilter
{
    public double[] Horizontal { get; } = new double[4];

    public double[,] HorizontalCovariance { get; } = new double[4, 4];

    public double[] Vertical { get; } = new double[2];

    public double[,] VerticalCovariance { get; } = new double[2, 2];

    public long TimeMicroseconds { get; private set; }

    public double HorizontalDensity { get; set; }

    public double VerticalDensity { get; set; }

    public double PositionFloor { get; set; } = 0.01;

    public double VelocityFloor { get; set; } = 1e-4;

    public void Initialise(long timeMicroseconds, double east, double north, double positionVariance, double velocityEast, double velocityNorth, double velocityVariance)
    {
        TimeMicroseconds = timeMicroseconds;
        Array.Clear(HorizontalCovariance);
        Horizontal[0] = east;
        Horizontal[1] = north;
        Horizontal[2] = velocityEast;
        Horizontal[3] = velocityNorth;
        HorizontalCovariance[0, 0] = HorizontalCovariance[1, 1] = positionVariance;
        HorizontalCovariance[2, 2] = HorizontalCovariance[3, 3] = velocityVariance;
    }

    public void InitialiseVertical(double height, double heightVariance, double rate, double rateVariance)
    {
        Array.Clear(VerticalCovariance);
        Vertical[0] = height;
        Vertical[1] = rate;
        VerticalCovariance[0, 0] = heightVariance;
        VerticalCovariance[1, 1] = rateVariance;
    }

    public void Predict(long timeMicroseconds)
    {
        double dt = (timeMicroseconds - TimeMicroseconds) / 1e6;
        Predict(Horizontal, HorizontalCovariance, 2, dt, HorizontalDensity);
        Predict(Vertical, VerticalCovariance, 1, dt, VerticalDensity);
        TimeMicroseconds = timeMicroseconds;
    }

    public double UpdateHorizontal(double[] h, double measurement, double variance) =>
        Update(Horizontal, HorizontalCovariance, h, measurement, variance, [PositionFloor, PositionFloor, VelocityFloor, VelocityFloor]);

    public double UpdateVertical(double[] h, double measurement, double variance) =>
        Update(Vertical, VerticalCovariance, h, measurement, variance, [PositionFloor, VelocityFloor]);

    // x ← F x; P ← F P Fᵀ + Q with F = [[I, dt I], [0, I]], Q = q [[dt³/3, dt²/2], [dt²/2, dt]] per axis.
    public static void Predict(double[] x, double[,] p, int axes, double dt, double q)
    {
        int n = 2 * axes;
        var f = new double[n, n];
        var noise = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            f[i, i] = 1;
        }

        for (int axis = 0; axis < axes; axis++)
        {
            f[axis, axis + axes] = dt;
            noise[axis, axis] = q * dt * dt * dt / 3;
            noise[axis, axis + axes] = noise[axis + axes, axis] = q * dt * dt / 2;
            noise[axis + axes, axis + axes] = q * dt;
        }

        double[] predicted = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                predicted[i] += f[i, j] * x[j];
            }
        }

        Array.Copy(predicted, x, n);
        var fp = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    fp[i, j] += f[i, k] * p[k, j];
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = noise[i, j];
                for (int k = 0; k < n; k++)
                {
                    sum += fp[i, k] * f[j, k];
                }

                p[i, j] = sum;
            }
        }
    }

    // Joseph form: P ← (I - k h) P (I - k h)ᵀ + k r kᵀ, then the variance floors.
    public static double Update(double[] x, double[,] p, double[] h, double measurement, double variance, double[] floors) =>
        Update(x, p, h, measurement, variance, floors, out _);

    public static double Update(double[] x, double[,] p, double[] h, double measurement, double variance, double[] floors, out double innovationVariance)
    {
        int n = x.Length;
        var ph = new double[n];
        double predicted = 0;
        for (int i = 0; i < n; i++)
        {
            predicted += h[i] * x[i];
            for (int j = 0; j < n; j++)
            {
                ph[i] += p[i, j] * h[j];
            }
        }

        double s = variance;
        for (int i = 0; i < n; i++)
        {
            s += h[i] * ph[i];
        }

        innovationVariance = s;
        double innovation = measurement - predicted;
        var k = new double[n];
        for (int i = 0; i < n; i++)
        {
            k[i] = ph[i] / s;
            x[i] += k[i] * innovation;
        }

        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = (i == j ? 1 : 0) - k[i] * h[j];
            }
        }

        var ap = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int m = 0; m < n; m++)
                {
                    ap[i, j] += a[i, m] * p[m, j];
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = k[i] * variance * k[j];
                for (int m = 0; m < n; m++)
                {
                    sum += ap[i, m] * a[j, m];
                }

                p[i, j] = sum;
            }
        }

        for (int i = 0; i < n; i++)
        {
            p[i, i] = Math.Max(p[i, i], floors[i]);
        }

        return innovation * innovation / s;
    }
}

namespace Picket.Benchmarks;

/// <summary>
/// The tracking filter's horizontal channel in double precision with the same element-wise
/// algorithm as the fixed-point core (NCV predict, scalar Joseph update, floors) and no
/// allocation: the baseline the fixed-point cost is reported against.
/// </summary>
internal sealed class DoubleTrackFilter
{
    private const int Dimension = 4;
    private readonly double[] _scratch = new double[16];
    private readonly double[] _column = new double[4];
    private readonly double[] _gain = new double[4];

    public double[] Mean { get; } = new double[4];

    public double[] Covariance { get; } = new double[16];

    public long TimeMicroseconds { get; private set; }

    public double Density { get; set; } = 1;

    public void Initialise(long time, double east, double north, double positionVariance, double velocityEast, double velocityNorth, double velocityVariance)
    {
        TimeMicroseconds = time;
        Array.Clear(Covariance);
        Mean[0] = east;
        Mean[1] = north;
        Mean[2] = velocityEast;
        Mean[3] = velocityNorth;
        Covariance[0] = Covariance[5] = positionVariance;
        Covariance[10] = Covariance[15] = velocityVariance;
    }

    public void Predict(long time)
    {
        double dt = (time - TimeMicroseconds) / 1e6;
        TimeMicroseconds = time;
        Mean[0] += Mean[2] * dt;
        Mean[1] += Mean[3] * dt;
        for (int row = 0; row < Dimension; row++)
        {
            for (int column = row; column < Dimension; column++)
            {
                double value = Covariance[row * Dimension + column];
                if (row < 2)
                {
                    value += Covariance[(row + 2) * Dimension + column] * dt;
                }

                if (column < 2)
                {
                    value += Covariance[row * Dimension + column + 2] * dt;
                }

                if (row < 2 && column < 2)
                {
                    value += Covariance[(row + 2) * Dimension + column + 2] * dt * dt;
                }

                _scratch[row * Dimension + column] = value;
            }
        }

        double qDt = Density * dt;
        for (int axis = 0; axis < 2; axis++)
        {
            _scratch[axis * Dimension + axis] += qDt * dt * dt / 3;
            _scratch[axis * Dimension + axis + 2] += qDt * dt / 2;
            _scratch[(axis + 2) * Dimension + axis + 2] += qDt;
        }

        for (int row = 0; row < Dimension; row++)
        {
            for (int column = row; column < Dimension; column++)
            {
                Covariance[row * Dimension + column] = Covariance[column * Dimension + row] = _scratch[row * Dimension + column];
            }
        }
    }

    public double Update(int first, double firstCoefficient, int second, double secondCoefficient, double measurement, double variance)
    {
        double predicted = firstCoefficient * Mean[first];
        for (int i = 0; i < Dimension; i++)
        {
            _column[i] = firstCoefficient * Covariance[i * Dimension + first];
        }

        if (second >= 0)
        {
            predicted += secondCoefficient * Mean[second];
            for (int i = 0; i < Dimension; i++)
            {
                _column[i] += secondCoefficient * Covariance[i * Dimension + second];
            }
        }

        double s = firstCoefficient * _column[first] + variance + (second >= 0 ? secondCoefficient * _column[second] : 0);
        double innovation = measurement - predicted;
        for (int i = 0; i < Dimension; i++)
        {
            _gain[i] = _column[i] / s;
            Mean[i] += _gain[i] * innovation;
        }

        for (int row = 0; row < Dimension; row++)
        {
            for (int column = row; column < Dimension; column++)
            {
                double value = Covariance[row * Dimension + column] - _column[column] * _gain[row] - _column[row] * _gain[column] + s * _gain[row] * _gain[column];
                if (row == column)
                {
                    value = Math.Max(value, row < 2 ? 0.01 : 1e-4);
                }

                Covariance[row * Dimension + column] = Covariance[column * Dimension + row] = value;
            }
        }

        return innovation * innovation / s;
    }
}

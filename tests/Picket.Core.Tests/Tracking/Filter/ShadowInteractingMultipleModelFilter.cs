namespace Picket.Tracking.Filter;

/// <summary>
/// The double-precision shadow of <see cref="InteractingMultipleModelFilter"/>: the textbook
/// IMM cycle (Bar-Shalom et al. 2001, §11.6.6) with two nearly-constant-velocity models and, when
/// turn rates are given, a left and a right coordinated-turn model for each (§11.7.1: the exact
/// transition for a known turn rate, written here with <see cref="Math.Sin"/> and
/// <see cref="Math.Cos"/> and full matrices); mode likelihoods N(ν; 0, s) per scalar update; the
/// same probability floors (0.001 for the quiet and manoeuvre modes, 10⁻⁵ for each turn mode,
/// the shortfall taken from the likeliest mode).
/// </summary>
internal sealed class ShadowInteractingMultipleModelFilter
{
    private static readonly double[] Floors = [0.01, 0.01, 1e-4, 1e-4];
    private readonly double[][] _means;
    private readonly double[][,] _covariances;
    private readonly double[] _densities;
    private readonly double[] _turnRates;
    private readonly double[,] _transition;
    private double[] _probabilities;
    private long _time;

    /// <param name="quietDensity">m²/s³.</param>
    /// <param name="manoeuvreDensity">m²/s³.</param>
    /// <param name="quietToManoeuvre">Per predict.</param>
    /// <param name="manoeuvreToQuiet">Per predict.</param>
    /// <param name="turnRates">rad/s, one per pair of turn modes (left, then right).</param>
    /// <param name="turnDensity">m²/s³.</param>
    /// <param name="quietToTurn">Per predict, to each turn mode.</param>
    /// <param name="turnToQuiet">Per predict.</param>
    public ShadowInteractingMultipleModelFilter(double quietDensity, double manoeuvreDensity, double quietToManoeuvre, double manoeuvreToQuiet, double[]? turnRates = null, double turnDensity = 0, double quietToTurn = 0, double turnToQuiet = 0)
    {
        turnRates ??= [];
        int modes = 2 + (2 * turnRates.Length);
        _means = new double[modes][];
        _covariances = new double[modes][,];
        _densities = new double[modes];
        _turnRates = new double[modes];
        _transition = new double[modes, modes];
        _densities[0] = quietDensity;
        _densities[1] = manoeuvreDensity;
        for (int pair = 0; pair < turnRates.Length; pair++)
        {
            _turnRates[2 + (2 * pair)] = turnRates[pair];
            _turnRates[3 + (2 * pair)] = -turnRates[pair];
        }

        for (int mode = 0; mode < modes; mode++)
        {
            _means[mode] = new double[4];
            _covariances[mode] = new double[4, 4];
            if (mode >= 2)
            {
                _densities[mode] = turnDensity;
                _transition[0, mode] = quietToTurn;
                _transition[mode, 0] = turnToQuiet;
                _transition[mode, mode] = 1 - turnToQuiet;
            }
        }

        _transition[0, 1] = quietToManoeuvre;
        _transition[0, 0] = 1 - quietToManoeuvre - ((modes - 2) * quietToTurn);
        _transition[1, 0] = manoeuvreToQuiet;
        _transition[1, 1] = 1 - manoeuvreToQuiet;
        _probabilities = InitialProbabilities(modes);
    }

    public double ManoeuvreProbability => 1 - _probabilities[0];

    private int Modes => _means.Length;

    public void Initialise(long time, double east, double north, double positionVariance, double velocityEast, double velocityNorth, double velocityVariance)
    {
        _time = time;
        for (int model = 0; model < Modes; model++)
        {
            _means[model][0] = east;
            _means[model][1] = north;
            _means[model][2] = velocityEast;
            _means[model][3] = velocityNorth;
            Array.Clear(_covariances[model]);
            _covariances[model][0, 0] = _covariances[model][1, 1] = positionVariance;
            _covariances[model][2, 2] = _covariances[model][3, 3] = velocityVariance;
        }

        _probabilities = InitialProbabilities(Modes);
    }

    public void Predict(long time)
    {
        double[] predicted = new double[Modes];
        for (int j = 0; j < Modes; j++)
        {
            for (int i = 0; i < Modes; i++)
            {
                predicted[j] += _transition[i, j] * _probabilities[i];
            }
        }

        var mixedMeans = new double[Modes][];
        var mixedCovariances = new double[Modes][,];
        for (int j = 0; j < Modes; j++)
        {
            double[] weights = new double[Modes];
            for (int i = 0; i < Modes; i++)
            {
                weights[i] = _transition[i, j] * _probabilities[i] / predicted[j];
            }

            (mixedMeans[j], mixedCovariances[j]) = Mix(weights);
        }

        double dt = (time - _time) / 1e6;
        for (int j = 0; j < Modes; j++)
        {
            _means[j] = mixedMeans[j];
            _covariances[j] = mixedCovariances[j];
            if (_turnRates[j] == 0)
            {
                ShadowTrackFilter.Predict(_means[j], _covariances[j], 2, dt, _densities[j]);
            }
            else
            {
                // The fixed-point filter steps at most 8 s at a time; the steps' sum is the same turn.
                int steps = (int)(dt / 8) + 1;
                for (int step = 0; step < steps; step++)
                {
                    PredictTurn(_means[j], _covariances[j], dt / steps, _turnRates[j], _densities[j]);
                }
            }
        }

        _probabilities = predicted;
        _time = time;
    }

    public void Update(double[] h, double measurement, double variance)
    {
        double[] weighted = new double[Modes];
        double total = 0;
        for (int j = 0; j < Modes; j++)
        {
            double nis = ShadowTrackFilter.Update(_means[j], _covariances[j], h, measurement, variance, Floors, out double s);
            weighted[j] = _probabilities[j] * Math.Exp(-nis / 2) / Math.Sqrt(s);
            total += weighted[j];
        }

        int likeliest = 0;
        double shortfall = 0;
        for (int j = 0; j < Modes; j++)
        {
            double floor = j < 2 ? 0.001 : 1e-5;
            _probabilities[j] = weighted[j] / total;
            if (_probabilities[j] < floor)
            {
                shortfall += floor - _probabilities[j];
                _probabilities[j] = floor;
            }

            likeliest = _probabilities[j] > _probabilities[likeliest] ? j : likeliest;
        }

        _probabilities[likeliest] -= shortfall;
    }

    public double[] CombinedMean() => Mix(_probabilities).Mean;

    private static double[] InitialProbabilities(int modes)
    {
        double[] probabilities = new double[modes];
        probabilities[0] = 0.9;
        probabilities[1] = 0.1 - ((modes - 2) * 1e-5);
        for (int mode = 2; mode < modes; mode++)
        {
            probabilities[mode] = 1e-5;
        }

        return probabilities;
    }

    // x ← F x; P ← F P Fᵀ + Q for a coordinated turn at ω (anticlockwise positive), Q as the
    // nearly-constant-velocity model's.
    public static void PredictTurn(double[] x, double[,] p, double dt, double omega, double q)
    {
        double s = Math.Sin(omega * dt), c = Math.Cos(omega * dt);
        double along = s / omega, across = (1 - c) / omega;
        double[,] f =
        {
            { 1, 0, along, -across },
            { 0, 1, across, along },
            { 0, 0, c, -s },
            { 0, 0, s, c },
        };
        double[] predicted = new double[4];
        var fp = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int k = 0; k < 4; k++)
            {
                predicted[i] += f[i, k] * x[k];
                for (int j = 0; j < 4; j++)
                {
                    fp[i, j] += f[i, k] * p[k, j];
                }
            }
        }

        Array.Copy(predicted, x, 4);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double value = 0;
                for (int k = 0; k < 4; k++)
                {
                    value += fp[i, k] * f[j, k];
                }

                p[i, j] = value;
            }
        }

        for (int axis = 0; axis < 2; axis++)
        {
            p[axis, axis] += q * dt * dt * dt / 3;
            p[axis, axis + 2] += q * dt * dt / 2;
            p[axis + 2, axis] += q * dt * dt / 2;
            p[axis + 2, axis + 2] += q * dt;
        }
    }

    private (double[] Mean, double[,] Covariance) Mix(double[] weights)
    {
        var mean = new double[4];
        var covariance = new double[4, 4];
        for (int i = 0; i < Modes; i++)
        {
            for (int a = 0; a < 4; a++)
            {
                mean[a] += weights[i] * _means[i][a];
            }
        }

        for (int i = 0; i < Modes; i++)
        {
            for (int a = 0; a < 4; a++)
            {
                for (int b = 0; b < 4; b++)
                {
                    covariance[a, b] += weights[i] * (_covariances[i][a, b] + ((_means[i][a] - mean[a]) * (_means[i][b] - mean[b])));
                }
            }
        }

        return (mean, covariance);
    }
}

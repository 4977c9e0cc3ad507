namespace Picket.Tracking.Filter;

/// <summary>
/// The double-precision shadow of <see cref="InteractingMultipleModelFilter"/>: the textbook
/// IMM cycle (Bar-Shalom et al. 2001, §11.6.6) with two nearly-constant-velocity models, mode
/// likelihoods N(ν; 0, s) per scalar update and the same 0.001 probability floor.
/// </summary>
internal sealed class ShadowInteractingMultipleModelFilter(double quietDensity, double manoeuvreDensity, double quietToManoeuvre, double manoeuvreToQuiet)
{
    private static readonly double[] Floors = [0.01, 0.01, 1e-4, 1e-4];
    private readonly double[][] _means = [new double[4], new double[4]];
    private readonly double[][,] _covariances = [new double[4, 4], new double[4, 4]];
    private readonly double[] _densities = [quietDensity, manoeuvreDensity];
    private double[] _probabilities = [0.9, 0.1];
    private long _time;

    public double ManoeuvreProbability => _probabilities[1];

    public void Initialise(long time, double east, double north, double positionVariance, double velocityEast, double velocityNorth, double velocityVariance)
    {
        _time = time;
        for (int model = 0; model < 2; model++)
        {
            _means[model][0] = east;
            _means[model][1] = north;
            _means[model][2] = velocityEast;
            _means[model][3] = velocityNorth;
            Array.Clear(_covariances[model]);
            _covariances[model][0, 0] = _covariances[model][1, 1] = positionVariance;
            _covariances[model][2, 2] = _covariances[model][3, 3] = velocityVariance;
        }

        _probabilities = [0.9, 0.1];
    }

    public void Predict(long time)
    {
        double[,] transition = { { 1 - quietToManoeuvre, quietToManoeuvre }, { manoeuvreToQuiet, 1 - manoeuvreToQuiet } };
        double[] predicted = new double[2];
        for (int j = 0; j < 2; j++)
        {
            for (int i = 0; i < 2; i++)
            {
                predicted[j] += transition[i, j] * _probabilities[i];
            }
        }

        var mixedMeans = new double[2][];
        var mixedCovariances = new double[2][,];
        for (int j = 0; j < 2; j++)
        {
            double[] weights = [transition[0, j] * _probabilities[0] / predicted[j], transition[1, j] * _probabilities[1] / predicted[j]];
            (mixedMeans[j], mixedCovariances[j]) = Mix(weights);
        }

        double dt = (time - _time) / 1e6;
        for (int j = 0; j < 2; j++)
        {
            _means[j] = mixedMeans[j];
            _covariances[j] = mixedCovariances[j];
            ShadowTrackFilter.Predict(_means[j], _covariances[j], 2, dt, _densities[j]);
        }

        _probabilities = predicted;
        _time = time;
    }

    public void Update(double[] h, double measurement, double variance)
    {
        double[] likelihood = new double[2];
        for (int j = 0; j < 2; j++)
        {
            double nis = ShadowTrackFilter.Update(_means[j], _covariances[j], h, measurement, variance, Floors, out double s);
            likelihood[j] = Math.Exp(-nis / 2) / Math.Sqrt(s);
        }

        double total = _probabilities[0] * likelihood[0] + _probabilities[1] * likelihood[1];
        double quiet = Math.Clamp(_probabilities[0] * likelihood[0] / total, 0.001, 0.999);
        _probabilities = [quiet, 1 - quiet];
    }

    public double[] CombinedMean() => Mix(_probabilities).Mean;

    private (double[] Mean, double[,] Covariance) Mix(double[] weights)
    {
        var mean = new double[4];
        var covariance = new double[4, 4];
        for (int i = 0; i < 2; i++)
        {
            for (int a = 0; a < 4; a++)
            {
                mean[a] += weights[i] * _means[i][a];
            }
        }

        for (int i = 0; i < 2; i++)
        {
            for (int a = 0; a < 4; a++)
            {
                for (int b = 0; b < 4; b++)
                {
                    covariance[a, b] += weights[i] * (_covariances[i][a, b] + (_means[i][a] - mean[a]) * (_means[i][b] - mean[b]));
                }
            }
        }

        return (mean, covariance);
    }
}

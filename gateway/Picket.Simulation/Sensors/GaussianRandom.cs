namespace Picket.Simulation.Sensors;

/// <summary>
/// Seeded random draws for sensor models: uniform, normal (Box-Muller), Poisson. The same seed
/// gives the same sequence on every run and host (System.Random with a seed is deterministic).
/// </summary>
public sealed class GaussianRandom(int seed)
{
    private readonly Random _random = new(seed);
    private double _spare = double.NaN;

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>Uniform in [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public double Uniform(double minimum, double maximum) => minimum + ((maximum - minimum) * _random.NextDouble());

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>Whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public int Next(int minimum, int maximum) => _random.Next(minimum, maximum);

    /// <summary>Normal with mean 0 and standard deviation <paramref name="sigma"/>.</summary>
    public double Normal(double sigma)
    {
        if (!double.IsNaN(_spare))
        {
            var value = _spare;
            _spare = double.NaN;
            return value * sigma;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * _random.NextDouble()) - 1;
            v = (2 * _random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s is >= 1 or 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        return u * factor * sigma;
    }

    /// <summary>Poisson with mean <paramref name="mean"/> (Knuth's method below 30, normal approximation above).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Normal(Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }
}

using System.Globalization;

namespace Picket.Gateway.Benchmarks;

/// <summary>Nearest-rank percentiles of a sample.</summary>
internal static class Percentiles
{
    public static double Of(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Summary(IEnumerable<double> values, string unit)
    {
        var sorted = values.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Length} p50={Of(sorted, 50):F1} p90={Of(sorted, 90):F1} p99={Of(sorted, 99):F1} max={Of(sorted, 100):F1} {unit}");
    }
}

using System.Globalization;

namespace Picket.Testing;

/// <summary><c>--name value</c> pairs after the verb, for the timed benchmark programs.</summary>
public sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads the pairs after <c>args[0]</c> (the verb).</summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>The pairs.</returns>
    public static BenchmarkArguments Parse(string[] args)
    {
        var parsed = new BenchmarkArguments();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            parsed._values[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }

    /// <summary>A text value, or <paramref name="fallback"/>.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value.</returns>
    public string Text(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    /// <summary>A number, or <paramref name="fallback"/>.</summary>
    /// <param name="name">The name without dashes.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value.</returns>
    public double Number(string name, double fallback) => _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

using System.Globalization;

namespace Picket.Gateway.Benchmarks;

/// <summary><c>--name value</c> pairs after the verb.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            parsed._values[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public double Number(string name, double fallback) => _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

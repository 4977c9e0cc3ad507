using System.Globalization;
using Picket.Testing;

namespace Picket.Server.LoadTest;

/// <summary>Command line of the load benchmark.</summary>
internal sealed record LoadOptions(string Mode, int Gateways, int Seconds, int TracksPerBatch, int Window, int BatchesPerSecond, string ServerDll)
{
    public const string Usage = "usage: Picket.Server.LoadTest [--mode sqlite|jetstream] [--gateways N] [--seconds S] [--tracks-per-batch T] [--window W] [--rate BATCHES_PER_SECOND_PER_GATEWAY, 0 = as fast as acks allow] [--server PATH/picket-server.dll]";

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var mode = values.GetValueOrDefault("mode", "sqlite");
        if (mode is not "sqlite" and not "jetstream")
        {
            throw new ArgumentException($"--mode '{mode}' is not sqlite or jetstream");
        }

        var seconds = Int(values, "seconds", 10, 1, 300);
        return new LoadOptions(
            mode,
            Int(values, "gateways", 1, 1, 500),
            seconds,
            Int(values, "tracks-per-batch", 20, 1, 1000),
            Int(values, "window", 32, 1, 128),
            Int(values, "rate", 0, 0, 100_000),
            values.TryGetValue("server", out var server) ? server : DefaultServerDll());
    }

    // The project reference builds the server in the same configuration; its output stays in its own folder.
    internal static string DefaultServerDll()
    {
        try
        {
            return BuiltPrograms.PicketServer;
        }
        catch (FileNotFoundException exception)
        {
            throw new ArgumentException(exception.Message + " (or pass --server)", exception);
        }
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int minimum, int maximum)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException($"--{name} '{text}' is not a number from {minimum} to {maximum}");
    }
}

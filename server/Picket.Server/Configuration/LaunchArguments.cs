namespace Picket.Server.Configuration;

/// <summary>
/// The server's own command-line switches, taken out before the rest goes to ASP.NET Core's
/// configuration (<c>--Section:Key value</c>): <c>--config PATH</c> and <c>--dev [DIR]</c>.
/// </summary>
public sealed class LaunchArguments
{
    /// <summary>JSON configuration file given with <c>--config</c>, or null.</summary>
    public string? ConfigPath { get; private init; }

    /// <summary>Folder of the dev CA and certificates when <c>--dev</c> is given, or null.</summary>
    public string? DevDirectory { get; private init; }

    /// <summary>The arguments left for the configuration system.</summary>
    public IReadOnlyList<string> Remaining { get; private init; } = [];

    /// <summary>Splits <paramref name="args"/>.</summary>
    /// <exception cref="ConfigurationException">--config without a path, or a path that does not exist.</exception>
    public static LaunchArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        string? dev = null;
        var remaining = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config":
                    if (i + 1 >= args.Count)
                    {
                        throw new ConfigurationException("--config", "needs a file path.");
                    }

                    config = args[++i];
                    if (!File.Exists(config))
                    {
                        throw new ConfigurationException("--config", $"file '{config}' does not exist.");
                    }

                    break;
                case "--dev":
                    dev = i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : "picket-dev";
                    break;
                default:
                    remaining.Add(args[i]);
                    break;
            }
        }

        return new LaunchArguments { ConfigPath = config, DevDirectory = dev, Remaining = remaining };
    }
}

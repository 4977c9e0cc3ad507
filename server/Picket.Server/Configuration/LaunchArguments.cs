namespace Picket.Server.Configuration;

/// <summary>
/// The server's own command-line switches, taken out before the rest goes to ASP.NET Core's
/// configuration (<c>--Section:Key value</c>): <c>--config PATH</c> and <c>--dev [DIR]</c>.
/// </summary>
public sealed class LaunchArguments
{
    /// <summary>What <c>picket-server --help</c> prints.</summary>
    public const string Usage = """
        usage: picket-server [--config PATH] [--dev [DIR]] [--Section:Key VALUE ...]
               picket-server certs ca|issue|token ... (picket-server certs --help)

        The reference central server: picket.v1.TrackIngest for gateways, picket.v1.TrackFeed for
        consumers, gRPC health and reflection; /metrics and /healthz on a loopback HTTP/1.1 port.

          --config PATH          JSON settings file (above appsettings.json, below PICKET_ variables)
          --dev [DIR]            make a local CA and certificates in DIR (default ./picket-dev) and serve mTLS
          --Section:Key VALUE    any setting, e.g. --Listen:Port 5170 --Storage:SqlitePath picket.db
          -h, --help             this text

        Sections: Listen (Address, Port, Http1Port), Tls (CertificatePath, KeyPath, ClientCaPath),
        Auth (Tokens:N:Identity|Role|Sha256, RevokedIdentities:N, RevokedSerials:N),
        Storage (Mode, SqlitePath, RetentionHours, ReadyTimeoutSeconds, NatsUrl, StreamName,
        SubjectPrefix, LedgerCheckpointSeconds), Limits (MaxBatchBytes, MaxFutureSkewSeconds,
        KeepAlivePingSeconds, KeepAliveTimeoutSeconds, HelloTimeoutSeconds, MaxSequenceAhead,
        MaxOutOfOrderBatches), Feed (SubscriberQueueCapacity, SlowConsumerGraceSeconds,
        SnapshotHorizonSeconds), Management (Port, or "off"), Map (ZonesPath, RadarRangeKm).
        Environment: PICKET_Section__Key. The live map is at /map/ on the HTTP/1.1 listeners.
        An unknown key or a bad value stops the server with exit code 2, naming the key.
        """;

    /// <summary>Whether <paramref name="args"/> asks for the usage text (<c>-h</c>, <c>--help</c>, <c>-?</c>).</summary>
    public static bool IsHelpRequest(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var arg in args)
        {
            if (arg is "-h" or "--help" or "-?")
            {
                return true;
            }
        }

        return false;
    }

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

using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.Json;

namespace Picket.Server.Configuration;

/// <summary>
/// Refuses configuration keys the server does not read, so that a typo (<c>Limits:MaxBatchByte</c>)
/// stops the server with an error naming the key instead of silently doing nothing.
/// </summary>
internal static class KnownKeys
{
    /// <summary>The server's own sections: every key inside them must be one of <see cref="Keys"/>.</summary>
    public static readonly string[] Sections = ["Listen", "Tls", "Auth", "Storage", "Limits", "Feed", "Management", "Map"];

    // Top-level keys that belong to ASP.NET Core's host and logging, allowed in the server's own
    // sources (appsettings.json, --config, PICKET_ variables, command line).
    private static readonly string[] HostSections = ["Logging", "AllowedHosts", "environment", "contentRoot", "applicationName"];

    // '#' stands for a list index (0, 1, 2, ...).
    private static readonly string[] Keys =
    [
        "Listen:Address", "Listen:Port", "Listen:Http1Port",
        "Tls:CertificatePath", "Tls:KeyPath", "Tls:ClientCaPath",
        "Auth:Tokens:#:Identity", "Auth:Tokens:#:Role", "Auth:Tokens:#:Sha256", "Auth:RevokedIdentities:#", "Auth:RevokedSerials:#",
        "Storage:Mode", "Storage:SqlitePath", "Storage:RetentionHours", "Storage:ReadyTimeoutSeconds", "Storage:NatsUrl",
        "Storage:StreamName", "Storage:SubjectPrefix", "Storage:LedgerCheckpointSeconds",
        "Limits:MaxBatchBytes", "Limits:MaxFutureSkewSeconds", "Limits:KeepAlivePingSeconds", "Limits:KeepAliveTimeoutSeconds",
        "Limits:HelloTimeoutSeconds", "Limits:MaxSequenceAhead", "Limits:MaxOutOfOrderBatches",
        "Feed:SubscriberQueueCapacity", "Feed:SlowConsumerGraceSeconds", "Feed:SnapshotHorizonSeconds",
        "Management:Port",
        "Map:ZonesPath", "Map:RadarRangeKm",
    ];

    /// <summary>Throws for the first key that is not a setting.</summary>
    /// <exception cref="ConfigurationException">Names the unknown key and, when one is close, the setting meant.</exception>
    public static void Check(IConfiguration configuration, IEnumerable<string> environmentKeys)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && IsInSection(key, Sections) && !IsKnown(key))
            {
                throw Unknown(key);
            }
        }

        var topLevel = new List<string>(environmentKeys);
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers)
            {
                // The server's own sources; the unprefixed environment (PATH, HOME, ...) and the
                // host's DOTNET_/ASPNETCORE_ variables are not the operator's server settings.
                if (provider is JsonConfigurationProvider or CommandLineConfigurationProvider)
                {
                    topLevel.AddRange(provider.GetChildKeys([], null));
                }
            }
        }

        foreach (var key in topLevel)
        {
            var section = key.Split(':')[0];
            if (!Sections.Contains(section, StringComparer.OrdinalIgnoreCase) && !HostSections.Contains(section, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(key, $"is not a setting; the server reads the sections {string.Join(", ", Sections)} (and Logging).");
            }
        }
    }

    private static bool IsInSection(string key, string[] sections)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && sections.Contains(key[..colon], StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsKnown(string key)
    {
        var parts = key.Split(':');
        foreach (var known in Keys)
        {
            var pattern = known.Split(':');
            if (pattern.Length != parts.Length)
            {
                continue;
            }

            var match = true;
            for (var i = 0; i < parts.Length && match; i++)
            {
                match = pattern[i] == "#" ? int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) : string.Equals(pattern[i], parts[i], StringComparison.OrdinalIgnoreCase);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private static ConfigurationException Unknown(string key)
    {
        var closest = Keys.Where(k => !k.Contains('#', StringComparison.Ordinal)).MinBy(k => Distance(k.ToUpperInvariant(), key.ToUpperInvariant()))!;
        var hint = Distance(closest.ToUpperInvariant(), key.ToUpperInvariant()) <= 3 ? $" Did you mean {closest}?" : string.Empty;
        return new ConfigurationException(key, "is not a setting." + hint);
    }

    // Levenshtein distance, for the hint only.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

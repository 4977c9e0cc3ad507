using System.Globalization;
using System.Net;
using Picket.Server.Security;

namespace Picket.Server.Configuration;

/// <summary>Turns configuration keys into <see cref="ServerSettings"/>, naming the key of every bad value.</summary>
internal static class SettingsReader
{
    public static ServerSettings Read(IConfiguration configuration) => Read(configuration, []);

    /// <summary>Reads the settings; <paramref name="environmentKeys"/> are the keys set through <c>PICKET_</c> variables, checked like the rest.</summary>
    public static ServerSettings Read(IConfiguration configuration, IEnumerable<string> environmentKeys)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        KnownKeys.Check(configuration, environmentKeys);
        var address = ReadAddress(configuration, "Listen:Address");
        var certificate = ReadPath(configuration, "Tls:CertificatePath");
        var key = ReadPath(configuration, "Tls:KeyPath");
        if ((certificate is null) != (key is null))
        {
            throw new ConfigurationException(certificate is null ? "Tls:CertificatePath" : "Tls:KeyPath", "Tls:CertificatePath and Tls:KeyPath must be given together.");
        }

        var clientCa = ReadPath(configuration, "Tls:ClientCaPath");
        if (clientCa is not null && certificate is null)
        {
            throw new ConfigurationException("Tls:ClientCaPath", "client certificates need TLS: set Tls:CertificatePath and Tls:KeyPath.");
        }

        // TLS by default outside loopback: a plaintext listener on a routable address would send
        // tokens and tracks in clear.
        var loopback = IPAddress.IsLoopback(address);
        if (!loopback && certificate is null)
        {
            throw new ConfigurationException("Tls:CertificatePath", $"required when Listen:Address ({address}) is not a loopback address.");
        }

        var http1Port = ReadOptionalInt(configuration, "Listen:Http1Port", 0, 65535);
        if (http1Port is not null && !loopback)
        {
            throw new ConfigurationException("Listen:Http1Port", "the plaintext HTTP/1.1 port is for loopback only; with TLS the main port also speaks HTTP/1.1.");
        }

        var tokens = ReadTokens(configuration);
        var noCredentials = clientCa is null && tokens.Count == 0;
        if (noCredentials && !loopback)
        {
            throw new ConfigurationException("Tls:ClientCaPath", "a server outside loopback needs credentials: set Tls:ClientCaPath (mTLS) or Auth:Tokens.");
        }

        var mode = ReadEnum(configuration, "Storage:Mode", StorageMode.Sqlite);
        var listenPort = ReadOptionalInt(configuration, "Listen:Port", 0, 65535) ?? 5170;
        return new ServerSettings
        {
            ListenAddress = address,
            ListenPort = listenPort,
            Http1Port = http1Port,
            TlsCertificatePath = certificate,
            TlsKeyPath = key,
            ClientCaPath = clientCa,
            Tokens = tokens,
            RevokedIdentities = new HashSet<string>(ReadList(configuration, "Auth:RevokedIdentities"), StringComparer.Ordinal),
            RevokedSerials = new HashSet<string>(ReadList(configuration, "Auth:RevokedSerials"), StringComparer.OrdinalIgnoreCase),
            AllowAnonymous = noCredentials,
            StorageMode = mode,
            SqlitePath = configuration["Storage:SqlitePath"] is { Length: > 0 } sqlitePath ? sqlitePath : null,
            Retention = TimeSpan.FromHours(ReadOptionalInt(configuration, "Storage:RetentionHours", 1, 24 * 3650) ?? 168),
            StoreReadyTimeout = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Storage:ReadyTimeoutSeconds", 1, 3600) ?? 10),
            LedgerCheckpointInterval = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Storage:LedgerCheckpointSeconds", 1, 3600) ?? 60),
            NatsUrl = ReadUri(configuration, "Storage:NatsUrl") ?? new Uri("nats://127.0.0.1:4222"),
            StreamName = ReadName(configuration, "Storage:StreamName", "PICKET_BATCHES"),
            SubjectPrefix = ReadName(configuration, "Storage:SubjectPrefix", "picket.batches"),
            MaxBatchBytes = ReadOptionalInt(configuration, "Limits:MaxBatchBytes", 1024, 64 * 1024 * 1024) ?? 512 * 1024,
            MaxFutureSkew = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Limits:MaxFutureSkewSeconds", 0, 86400) ?? 300),
            HelloTimeout = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Limits:HelloTimeoutSeconds", 1, 3600) ?? 10),
            MaxSequenceAhead = (ulong)(ReadOptionalInt(configuration, "Limits:MaxSequenceAhead", 1, 100_000_000) ?? 65_536),
            MaxOutOfOrderBatches = ReadOptionalInt(configuration, "Limits:MaxOutOfOrderBatches", 1, 10_000_000) ?? 4096,
            ManagementPort = ReadManagementPort(configuration, listenPort),
            KeepAlivePingDelay = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Limits:KeepAlivePingSeconds", 1, 3600) ?? 30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Limits:KeepAliveTimeoutSeconds", 1, 3600) ?? 20),
            SubscriberQueueCapacity = ReadOptionalInt(configuration, "Feed:SubscriberQueueCapacity", 16, 1_000_000) ?? 4096,
            SlowConsumerGrace = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Feed:SlowConsumerGraceSeconds", 0, 3600) ?? 5),
            SnapshotHorizon = TimeSpan.FromSeconds(ReadOptionalInt(configuration, "Feed:SnapshotHorizonSeconds", 0, 86400) ?? 600),
        };
    }

    // A server on an ephemeral gRPC port (tests, the demo) gets an ephemeral management port too,
    // so that several can run side by side; "off" turns the listener off.
    private static int? ReadManagementPort(IConfiguration configuration, int listenPort)
    {
        const string Key = "Management:Port";
        if (string.Equals(configuration[Key], "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ReadOptionalInt(configuration, Key, 0, 65535) ?? (listenPort == 0 ? 0 : 5171);
    }

    private static List<TokenGrant> ReadTokens(IConfiguration configuration)
    {
        var tokens = new List<TokenGrant>();
        foreach (var section in configuration.GetSection("Auth:Tokens").GetChildren())
        {
            var prefix = "Auth:Tokens:" + section.Key;
            var identity = section["Identity"];
            if (string.IsNullOrEmpty(identity))
            {
                throw new ConfigurationException(prefix + ":Identity", "is required (the gateway id or consumer name of the token).");
            }

            var role = ReadEnum(section, "Role", prefix + ":Role", CallerRole.Gateway);
            var hex = section["Sha256"];
            byte[] hash;
            try
            {
                hash = Convert.FromHexString(hex ?? string.Empty);
            }
            catch (FormatException)
            {
                hash = [];
            }

            if (hash.Length != 32)
            {
                // The value itself is not echoed: a careless operator may have pasted the token.
                throw new ConfigurationException(prefix + ":Sha256", "must be the token's SHA-256 as 64 hexadecimal digits (see `picket-server certs token`).");
            }

            tokens.Add(new TokenGrant(identity, role, hash));
        }

        return tokens;
    }

    private static IPAddress ReadAddress(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text) || text == "localhost")
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out var address) ? address : throw new ConfigurationException(key, $"'{text}' is not an IP address.");
    }

    private static string? ReadPath(IConfiguration configuration, string key)
    {
        var path = configuration[key];
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return File.Exists(path) ? Path.GetFullPath(path) : throw new ConfigurationException(key, $"file '{path}' does not exist.");
    }

    private static Uri? ReadUri(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme is "nats" or "tls")
            ? uri
            : throw new ConfigurationException(key, $"'{text}' is not a nats:// or tls:// URL.");
    }

    private static string ReadName(IConfiguration configuration, string key, string fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                throw new ConfigurationException(key, $"'{text}' may only hold letters, digits, '_', '-' and '.'.");
            }
        }

        return text;
    }

    private static int? ReadOptionalInt(IConfiguration configuration, string key, int minimum, int maximum)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ConfigurationException(key, $"'{text}' is not an integer.");
        }

        return value < minimum || value > maximum
            ? throw new ConfigurationException(key, $"{value} is outside {minimum} to {maximum}.")
            : value;
    }

    private static T ReadEnum<T>(IConfiguration configuration, string key, T fallback)
        where T : struct, Enum => ReadEnum(configuration, key, key, fallback);

    private static T ReadEnum<T>(IConfiguration section, string relativeKey, string fullKey, T fallback)
        where T : struct, Enum
    {
        var text = section[relativeKey];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new ConfigurationException(fullKey, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private static IEnumerable<string> ReadList(IConfiguration configuration, string key)
    {
        foreach (var child in configuration.GetSection(key).GetChildren())
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                yield return child.Value;
            }
        }
    }
}

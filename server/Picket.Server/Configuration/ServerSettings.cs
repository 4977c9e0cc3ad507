using System.Net;

namespace Picket.Server.Configuration;

/// <summary>
/// The server's settings, read once from configuration (file, <c>PICKET_</c> environment
/// variables, command line) and validated: every bad value raises a
/// <see cref="ConfigurationException"/> naming its key.
/// </summary>
public sealed class ServerSettings
{
    /// <summary>Address Kestrel listens on; loopback by default.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port of the main endpoint (HTTP/2, plus HTTP/1.1 for gRPC-Web when TLS is on); 0 picks a free port.</summary>
    public int ListenPort { get; init; } = 5170;

    /// <summary>Optional plaintext HTTP/1.1 port for gRPC-Web boards on loopback (0 picks a free port); absent when null.</summary>
    public int? Http1Port { get; init; }

    /// <summary>PEM certificate of the server; TLS is off when null (loopback only).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>PEM private key of the server certificate.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>PEM certificate of the fleet CA that issues gateway and consumer certificates; mTLS is off when null.</summary>
    public string? ClientCaPath { get; init; }

    /// <summary>Bearer tokens, by hash.</summary>
    public IReadOnlyList<TokenGrant> Tokens { get; init; } = [];

    /// <summary>Identities (certificate CN or token identity) refused even with valid credentials.</summary>
    public IReadOnlySet<string> RevokedIdentities { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Certificate serial numbers (upper-case hex) refused even when the chain is valid.</summary>
    public IReadOnlySet<string> RevokedSerials { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when no credential is configured and the server only listens on loopback: every caller is trusted.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>Storage back end.</summary>
    public StorageMode StorageMode { get; init; } = StorageMode.Sqlite;

    /// <summary>SQLite database file; null keeps the data in memory (not durable, tests and demos only).</summary>
    public string? SqlitePath { get; init; }

    /// <summary>How long track history, alerts, health and batch records are kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long a call waits for a recovering or unreachable store before it gets Unavailable.</summary>
    public TimeSpan StoreReadyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each gateway's contiguous sequence is checkpointed (JetStream mode; SQLite sweeps every minute).</summary>
    public TimeSpan LedgerCheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>NATS server URL for <see cref="StorageMode.JetStream"/>.</summary>
    public Uri NatsUrl { get; init; } = new("nats://127.0.0.1:4222");

    /// <summary>JetStream stream name.</summary>
    public string StreamName { get; init; } = "PICKET_BATCHES";

    /// <summary>Subject prefix; batches go to <c>PREFIX.GATEWAY</c>.</summary>
    public string SubjectPrefix { get; init; } = "picket.batches";

    /// <summary>
    /// Largest accepted gRPC message, bytes; larger batches are refused with ResourceExhausted.
    /// 512 KiB is some 12 000 track updates, and leaves room under nats-server's default 1 MiB
    /// max_payload for the batch re-encoded with its gateway id and headers.
    /// </summary>
    public int MaxBatchBytes { get; init; } = 512 * 1024;

    /// <summary>How far in the future a timestamp may lie before the batch is refused (clock skew allowance).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a Publish stream may stay open without sending its Hello before it is closed with DeadlineExceeded.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far beyond its highest contiguous (acked) sequence a gateway's batch may lie; further
    /// ahead it is refused with FailedPrecondition and not stored, so a gateway cannot make the
    /// server hold an unbounded set of sequences.
    /// </summary>
    public ulong MaxSequenceAhead { get; init; } = 65_536;

    /// <summary>How many batches beyond a hole (out of order) the server holds per gateway before it refuses more until the hole is filled.</summary>
    public int MaxOutOfOrderBatches { get; init; } = 4096;

    /// <summary>Loopback TCP port of the HTTP/1.1 management listener (<c>/metrics</c>, <c>/healthz</c>); 0 picks a free port; null turns it off.</summary>
    public int? ManagementPort { get; init; } = 5171;

    /// <summary>HTTP/2 keepalive ping interval on idle connections, so dead links are reaped.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a keepalive ping may go unanswered before the connection is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Events a feed subscriber may have queued before it is disconnected.</summary>
    public int SubscriberQueueCapacity { get; init; } = 4096;

    /// <summary>How long a cut-off subscriber's blocked write may take to drain (so it can be told why) before its stream is aborted.</summary>
    public TimeSpan SlowConsumerGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After a restart, tracks updated within this horizon are restored into the feed snapshot.</summary>
    public TimeSpan SnapshotHorizon { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>True when TLS is configured.</summary>
    public bool TlsEnabled => TlsCertificatePath is not null;

    /// <summary>Reads and validates the settings.</summary>
    /// <exception cref="ConfigurationException">A value is missing, malformed or unsafe; the message names the key.</exception>
    public static ServerSettings Read(IConfiguration configuration) => SettingsReader.Read(configuration);
}

using System.Security.Cryptography.X509Certificates;

namespace Picket.Gateway.Uplink;

/// <summary>Settings of the <see cref="UplinkService"/>.</summary>
public sealed record UplinkOptions
{
    /// <summary>The server, <c>https://host:port</c> (or <c>http://</c> for cleartext HTTP/2 on a trusted network).</summary>
    public required Uri ServerAddress { get; init; }

    /// <summary>The serialized <c>UplinkMessage { hello }</c> that opens every Publish stream (written by the core).</summary>
    public required byte[] Hello { get; init; }

    /// <summary>
    /// Bearer token (<c>authorization: Bearer</c>), as <c>picket-server certs token</c> prints it.
    /// Sent only over https or to a loopback address.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>The gateway's certificate with its private key, issued by the fleet CA (OU <c>gateway</c>), for mTLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The fleet CA the server's certificate must chain to; null trusts the system store.</summary>
    public X509Certificate2? TrustedServerRoot { get; init; }

    /// <summary>Batches sent and not yet acked, at most (the server reads ahead up to 128). Default 32.</summary>
    public int Window { get; init; } = 32;

    /// <summary>Upper bound of the first reconnect delay (full jitter: a uniform draw below it). Default 1 s.</summary>
    public TimeSpan BackoffMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of every reconnect delay. Default 60 s.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>With something in flight, no ack for this long abandons the call and reconnects. Default 30 s.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP/2 PING after this long without frames, so a dead link is noticed. Default 30 s (as the server).</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A PING unanswered for this long closes the connection. Default 20 s.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>TCP and TLS connection set-up limit. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Compress the call with gzip (<c>grpc-encoding</c>). Default true: track batches compress several-fold.</summary>
    public bool Compress { get; init; } = true;

    /// <summary>
    /// The server's <c>Limits:MaxBatchBytes</c>. A larger stored batch could never be accepted
    /// (RESOURCE_EXHAUSTED names no sequence, so it would block the outbox): its sequence is sent
    /// as an empty batch instead and counted. Default 512 KiB, as the server.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 512 * 1024;

    /// <summary>How often the clock gate is asked again while it is closed. Default 1 s.</summary>
    public TimeSpan ClockPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}

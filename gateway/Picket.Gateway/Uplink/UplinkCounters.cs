namespace Picket.Gateway.Uplink;

/// <summary>The uplink's state for health reports; every member is safe to read from any thread.</summary>
public sealed class UplinkCounters
{
    private long _connected;
    private long _connections;
    private long _reconnects;
    private long _batchesSent;
    private long _bytesSent;
    private long _rejects;
    private long _authFailures;
    private long _watchdogTimeouts;
    private long _oversized;
    private long _ackedSequence;
    private long _lastAckUnixMicroseconds;
    private string? _lastError;

    /// <summary>True while a Publish stream is open and its hello was acked.</summary>
    public bool Connected => Interlocked.Read(ref _connected) != 0;

    /// <summary>Publish streams whose hello the server acked.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Failed or abandoned calls followed by a reconnect.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Batches written to a stream (resends included).</summary>
    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    /// <summary>Bytes of batches written to a stream, before gzip.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Batches the server refused with INVALID_ARGUMENT and a <c>picket-rejected-sequence</c> trailer.</summary>
    public long Rejects => Interlocked.Read(ref _rejects);

    /// <summary>Calls refused with UNAUTHENTICATED or PERMISSION_DENIED.</summary>
    public long AuthFailures => Interlocked.Read(ref _authFailures);

    /// <summary>Calls abandoned because no ack came within the ack timeout.</summary>
    public long WatchdogTimeouts => Interlocked.Read(ref _watchdogTimeouts);

    /// <summary>Batches larger than the server accepts, sent as empty batches (their content lost).</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>The server's latest <c>acked_sequence</c>.</summary>
    public ulong AckedSequence => (ulong)Interlocked.Read(ref _ackedSequence);

    /// <summary>When the latest ack arrived, UTC microseconds since the Unix epoch; 0 before the first.</summary>
    public long LastAckUnixMicroseconds => Interlocked.Read(ref _lastAckUnixMicroseconds);

    /// <summary>Why the latest call failed (status code and detail), or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void OnConnected()
    {
        Interlocked.Exchange(ref _connected, 1);
        Interlocked.Increment(ref _connections);
    }

    internal void OnDisconnected(string reason)
    {
        Interlocked.Exchange(ref _connected, 0);
        Volatile.Write(ref _lastError, reason);
    }

    internal void OnStopped() => Interlocked.Exchange(ref _connected, 0);

    internal void OnReconnect() => Interlocked.Increment(ref _reconnects);

    internal void OnSent(int bytes)
    {
        Interlocked.Increment(ref _batchesSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void OnAck(ulong ackedSequence, long nowUnixMicroseconds)
    {
        Interlocked.Exchange(ref _ackedSequence, (long)ackedSequence);
        Interlocked.Exchange(ref _lastAckUnixMicroseconds, nowUnixMicroseconds);
    }

    internal void OnReject() => Interlocked.Increment(ref _rejects);

    internal void OnAuthFailure() => Interlocked.Increment(ref _authFailures);

    internal void OnOversized() => Interlocked.Increment(ref _oversized);

    internal void OnWatchdogTimeout() => Interlocked.Increment(ref _watchdogTimeouts);
}

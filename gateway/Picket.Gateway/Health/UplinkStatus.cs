namespace Picket.Gateway.Health;

/// <summary>The uplink's counters.</summary>
public sealed record UplinkStatus
{
    /// <summary>Whether the uplink is configured at all.</summary>
    public required bool Configured { get; init; }

    /// <summary>Whether a Publish stream is open and acking.</summary>
    public required bool Connected { get; init; }

    /// <summary>The highest sequence the server acked.</summary>
    public required ulong AckedSequence { get; init; }

    /// <summary>Streams opened after the first.</summary>
    public required long ReconnectsTotal { get; init; }

    /// <summary>Batches sent (resends included).</summary>
    public required long BatchesSentTotal { get; init; }

    /// <summary>Bytes sent (resends included).</summary>
    public required long BytesSentTotal { get; init; }

    /// <summary>Batches the server refused as invalid.</summary>
    public required long RejectedTotal { get; init; }

    /// <summary>When the last ack arrived, UTC microseconds, or null.</summary>
    public long? LastAckUnixMicroseconds { get; init; }

    /// <summary>The last error, or null.</summary>
    public string? LastError { get; init; }
}

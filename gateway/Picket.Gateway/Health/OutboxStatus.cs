namespace Picket.Gateway.Health;

/// <summary>The outbox's counters.</summary>
public sealed record OutboxStatus
{
    /// <summary>Batches stored and not yet acked.</summary>
    public required long Depth { get; init; }

    /// <summary>Bytes stored.</summary>
    public required long Bytes { get; init; }

    /// <summary>Age of the oldest unacked batch, seconds (0 when empty).</summary>
    public required double OldestAgeSeconds { get; init; }

    /// <summary>Batches dropped by the size cap or age limit, or lost to storage errors.</summary>
    public required long DroppedTotal { get; init; }

    /// <summary>Storage errors (disk full, I/O) since the gateway started: the history.</summary>
    public required long StorageErrorsTotal { get; init; }

    /// <summary>Whether the outbox cannot store now (the last commit or read failed): the present, which the status LED shows.</summary>
    public bool StorageFailing { get; init; }
}

namespace Picket.Gateway.Outbox;

/// <summary>Settings of the <see cref="SqliteOutbox"/>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The SQLite database file; created when missing, with its <c>-wal</c> and <c>-shm</c> beside it.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// How often appended batches are committed together (one transaction, one fsync of the WAL).
    /// <see cref="TimeSpan.Zero"/> commits on every append. Default 1 s: an SD card sees about
    /// 3,600 commits an hour, and a batch waits at most this long before it may be sent.
    /// </summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Size cap of the stored messages, bytes. Above it the oldest unacknowledged batches are
    /// dropped (their content; their sequence stays, see <see cref="SqliteOutbox"/>). Default 512 MiB.
    /// </summary>
    public long MaxBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Batches created longer ago than this are dropped unsent. Default 48 h; <see cref="Timeout.InfiniteTimeSpan"/> keeps them.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Appends held in memory while the disk refuses commits (full, I/O error), bytes. Beyond it
    /// the oldest held batches are dropped and counted. Default 8 MiB.
    /// </summary>
    public long MemoryQueueBytes { get; init; } = 8L * 1024 * 1024;
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Gateway.Publishing;

namespace Picket.Gateway.Outbox;

/// <summary>
/// The gateway's store-and-forward queue: every batch is written here before it is sent, and
/// deleted once the server acknowledges it. A SQLite database in WAL mode with group commit.
/// </summary>
/// <remarks>
/// <para>
/// Sequence numbers belong to the outbox: <see cref="NextSequence"/> is persisted with every
/// commit, so it continues after a restart (even when every row was acked and deleted) and a
/// number is never handed out twice. Rows are contiguous: a batch whose content is dropped (size
/// cap, age limit, memory overflow while the disk refuses writes) keeps its sequence as an empty
/// batch (<see cref="OutboxEntry.Dropped"/>), because the server acks only the highest
/// contiguous sequence and a hole would block every later ack.
/// </para>
/// <para>
/// Appends are committed together every <see cref="OutboxOptions.CommitInterval"/> or on
/// <see cref="Flush"/>; only committed rows are readable (<see cref="ReadAfter"/>), so nothing
/// is sent that a crash or power cut could lose. <c>synchronous=FULL</c>: in WAL mode NORMAL
/// skips the fsync at commit, so a power cut could lose the last commits and with them the
/// persisted next sequence; the numbers would then repeat and the server would take new batches
/// for resends of old ones and discard them. FULL costs one fsync per group commit.
/// </para>
/// <para>
/// A commit that fails (disk full, I/O error) is counted in <see cref="StorageErrorsTotal"/>;
/// the appends stay in memory and the commit is retried at the next interval. Held appends
/// beyond <see cref="OutboxOptions.MemoryQueueBytes"/> are dropped oldest first and counted.
/// Thread-safe: appends, reads and acknowledgements may come from different threads.
/// </para>
/// </remarks>
public sealed class SqliteOutbox : IBatchSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly OutboxOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SqliteConnection _connection;
    private readonly List<OutboxEntry> _pending = [];
    private readonly ITimer? _commitTimer;
    private TaskCompletionSource _committedSignal = NewSignal();
    private long _pendingBytes;
    private ulong _nextSequence;
    private ulong _committedThrough;
    private ulong _ackedThrough;
    private ulong _deletedThrough;
    private long _storedBytes;
    private long _droppedTotal;
    private long _storageErrorsTotal;
    private long _failuresSinceCommit;
    private bool _readFailing;
    private long _commitsTotal;
    private bool _disposed;

    private SqliteOutbox(OutboxOptions options, TimeProvider timeProvider, ILogger logger, SqliteConnection connection)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _connection = connection;
        LoadState();
        if (options.CommitInterval > TimeSpan.Zero)
        {
            _commitTimer = timeProvider.CreateTimer(static state => ((SqliteOutbox)state!).OnCommitTimer(), this, options.CommitInterval, options.CommitInterval);
        }
    }

    /// <summary>The sequence number the next <see cref="Append"/> must carry (1 for a new outbox).</summary>
    public ulong NextSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence;
            }
        }
    }

    /// <summary>The highest committed sequence: every batch up to it is on disk and readable (0 when none).</summary>
    public ulong CommittedThrough
    {
        get
        {
            lock (_gate)
            {
                return _committedThrough;
            }
        }
    }

    /// <summary>The highest sequence acknowledged by the server (its rows are deleted at the next commit).</summary>
    public ulong AcknowledgedThrough
    {
        get
        {
            lock (_gate)
            {
                return _ackedThrough;
            }
        }
    }

    /// <summary>Batches appended and not yet acknowledged, committed or not.</summary>
    public long Depth
    {
        get
        {
            lock (_gate)
            {
                return (long)(_nextSequence - 1 - _ackedThrough);
            }
        }
    }

    /// <summary>Bytes of messages held: the rows on disk plus the appends not yet committed.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _storedBytes + _pendingBytes;
            }
        }
    }

    /// <summary>Creation time of the oldest unacknowledged batch, UTC microseconds since the Unix epoch; null when there is none.</summary>
    public long? OldestCreatedUnixMicroseconds
    {
        get
        {
            lock (_gate)
            {
                if (_committedThrough > _ackedThrough)
                {
                    try
                    {
                        using var command = Command(OutboxSchema.SelectOldestCreated);
                        command.Parameters.AddWithValue("$acked", (long)_ackedThrough);
                        if (command.ExecuteScalar() is long created)
                        {
                            return created;
                        }
                    }
                    catch (SqliteException e)
                    {
                        ReadFailedLocked(e);
                    }
                }

                return _pending.Count > 0 ? _pending[0].CreatedUnixMicroseconds : null;
            }
        }
    }

    /// <summary>Batches whose content was dropped (size cap, age limit, memory overflow), since the outbox was created.</summary>
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Failed commits and reads (disk full, I/O errors) since this instance was opened.</summary>
    public long StorageErrorsTotal => Interlocked.Read(ref _storageErrorsTotal);

    /// <summary>
    /// Whether the outbox cannot store now: the last commit failed (appends are held in memory) or
    /// the last read failed. Cleared by the next commit or read that succeeds; unlike
    /// <see cref="StorageErrorsTotal"/>, which keeps the history, this is the present.
    /// </summary>
    public bool StorageFailing
    {
        get
        {
            lock (_gate)
            {
                return _failuresSinceCommit > 0 || _readFailing;
            }
        }
    }

    /// <summary>Successful commits (each one fsync of the WAL) since this instance was opened.</summary>
    public long CommitsTotal => Interlocked.Read(ref _commitsTotal);

    /// <summary>Opens (or creates) the outbox at <see cref="OutboxOptions.Path"/>.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not an outbox database.</exception>
    public static SqliteOutbox Open(OutboxOptions options, TimeProvider? timeProvider = null, ILogger<SqliteOutbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MemoryQueueBytes);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pool: Dispose closes the file, so the directory can be unmounted or deleted.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            Execute(connection, OutboxSchema.Create);
            return new SqliteOutbox(options, timeProvider ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Queues batch <paramref name="sequence"/> for the next group commit. It becomes readable
    /// (and may be sent) once committed.
    /// </summary>
    /// <param name="sequence">Must equal <see cref="NextSequence"/>.</param>
    /// <param name="message">The serialized <c>UplinkMessage</c> with that sequence inside; stored and sent unchanged.</param>
    /// <param name="createdUnixMicroseconds">When the batch was closed, UTC microseconds since the Unix epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is not <see cref="NextSequence"/>.</exception>
    public void Append(ulong sequence, byte[] message, long createdUnixMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (sequence != _nextSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"The outbox's next sequence is {_nextSequence}.");
            }

            _pending.Add(new OutboxEntry(sequence, message, createdUnixMicroseconds, Dropped: false));
            _pendingBytes += message.Length;
            _nextSequence++;
            if (_options.CommitInterval <= TimeSpan.Zero)
            {
                CommitLocked();
            }
            else if (_pendingBytes > _options.MemoryQueueBytes && _failuresSinceCommit == 0)
            {
                // A burst larger than the memory queue while the disk is fine: commit early
                // rather than drop. While the disk is failing, only the timer retries.
                CommitLocked();
            }

            if (_pendingBytes > _options.MemoryQueueBytes)
            {
                DropOldestPendingLocked();
            }
        }
    }

    /// <summary>Commits the queued appends and deletes acknowledged rows now.</summary>
    /// <returns>True when everything appended so far is on disk; false when the disk refused (counted, retried later).</returns>
    public bool Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return CommitLocked();
        }
    }

    /// <summary>Up to <paramref name="max"/> committed batches with a sequence above <paramref name="after"/>, in order.</summary>
    /// <remarks>A read the disk refuses is counted in <see cref="StorageErrorsTotal"/> and returns nothing.</remarks>
    public IReadOnlyList<OutboxEntry> ReadAfter(ulong after, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (after >= _committedThrough)
            {
                return [];
            }

            var entries = new List<OutboxEntry>(Math.Min(max, (int)Math.Min(_committedThrough - after, int.MaxValue)));
            try
            {
                using var command = Command(OutboxSchema.SelectAfter);
                command.Parameters.AddWithValue("$after", (long)after);
                command.Parameters.AddWithValue("$max", max);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    entries.Add(new OutboxEntry((ulong)reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt64(2), reader.GetInt64(3) != 0));
                }
            }
            catch (SqliteException e)
            {
                ReadFailedLocked(e);
                return [];
            }

            _readFailing = false;
            return entries;
        }
    }

    /// <summary>
    /// Records the server's ack: every batch up to <paramref name="ackedThrough"/> is durable
    /// there. Their rows are deleted at the next commit (acks arrive per batch; deleting them
    /// one by one would cost an fsync each).
    /// </summary>
    /// <param name="ackedThrough">The ack's <c>acked_sequence</c>; values beyond <see cref="CommittedThrough"/> are clamped.</param>
    public void Acknowledge(ulong ackedThrough)
    {
        lock (_gate)
        {
            var through = Math.Min(ackedThrough, _committedThrough);
            if (through > _ackedThrough)
            {
                _ackedThrough = through;
            }
        }
    }

    /// <summary>Completes once a batch with a sequence above <paramref name="after"/> is committed.</summary>
    public Task WaitForCommittedAsync(ulong after, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _committedThrough > after ? Task.CompletedTask : _committedSignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Commits what is queued (if the disk allows) and closes the database.</summary>
    public void Dispose()
    {
        _commitTimer?.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            CommitLocked();
            _disposed = true;
            _connection.Dispose();
            _committedSignal.TrySetCanceled();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private long ReadMeta(string key)
    {
        using var command = Command(OutboxSchema.SelectMeta);
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    private void WriteMeta(string key, long value)
    {
        using var command = Command(OutboxSchema.UpsertMeta);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private void LoadState()
    {
        using var command = Command(OutboxSchema.SelectTotals);
        using var reader = command.ExecuteReader();
        reader.Read();
        var count = reader.GetInt64(0);
        _storedBytes = reader.GetInt64(1);
        var lowest = (ulong)reader.GetInt64(2);
        var highest = (ulong)reader.GetInt64(3);
        _nextSequence = Math.Max(Math.Max((ulong)ReadMeta(OutboxSchema.NextSequenceKey), highest + 1), 1);
        _committedThrough = _nextSequence - 1;
        // Rows are contiguous and acked rows are deleted: everything below the lowest row was acked.
        _ackedThrough = count == 0 ? _committedThrough : lowest - 1;
        _deletedThrough = _ackedThrough;
        _droppedTotal = ReadMeta(OutboxSchema.DroppedTotalKey);
    }

    private void OnCommitTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                CommitLocked();
            }
        }
    }

    private bool CommitLocked()
    {
        var maxAgeActive = _options.MaxAge != Timeout.InfiniteTimeSpan;
        if (_pending.Count == 0 && _ackedThrough <= _deletedThrough && !(maxAgeActive && _committedThrough > _ackedThrough))
        {
            return true;
        }

        long bytesDelta = 0;
        long capDrops = 0;
        long ageDrops = 0;
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction();
            var deleteThrough = _ackedThrough;
            if (deleteThrough > _deletedThrough)
            {
                using var bytes = Command(OutboxSchema.SelectAckedBytes);
                bytes.Parameters.AddWithValue("$through", (long)deleteThrough);
                bytesDelta -= (long)bytes.ExecuteScalar()!;
                using var delete = Command(OutboxSchema.DeleteThrough);
                delete.Parameters.AddWithValue("$through", (long)deleteThrough);
                delete.ExecuteNonQuery();
            }

            if (_pending.Count > 0)
            {
                using var insert = Command(OutboxSchema.Insert);
                var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
                var created = insert.Parameters.Add("$created", SqliteType.Integer);
                var dropped = insert.Parameters.Add("$dropped", SqliteType.Integer);
                var message = insert.Parameters.Add("$message", SqliteType.Blob);
                foreach (var entry in _pending)
                {
                    sequence.Value = (long)entry.Sequence;
                    created.Value = entry.CreatedUnixMicroseconds;
                    dropped.Value = entry.Dropped ? 1 : 0;
                    message.Value = entry.Message;
                    insert.ExecuteNonQuery();
                    bytesDelta += entry.Message.Length;
                }

                WriteMeta(OutboxSchema.NextSequenceKey, (long)_nextSequence);
            }

            if (maxAgeActive)
            {
                var cutoff = (_timeProvider.GetUtcNow() - _options.MaxAge).ToUnixTimeMilliseconds() * 1000;
                using var expired = Command(OutboxSchema.SelectExpired);
                expired.Parameters.AddWithValue("$cutoff", cutoff);
                ageDrops = DropRows(expired, long.MinValue, ref bytesDelta);
            }

            while (_storedBytes + bytesDelta > _options.MaxBytes)
            {
                using var oldest = Command(OutboxSchema.SelectOldestKept);
                var excess = _storedBytes + bytesDelta - _options.MaxBytes;
                var dropped = DropRows(oldest, excess, ref bytesDelta);
                if (dropped == 0)
                {
                    break;
                }

                capDrops += dropped;
            }

            if (capDrops + ageDrops > 0 || _pending.Exists(static e => e.Dropped))
            {
                WriteMeta(OutboxSchema.DroppedTotalKey, _droppedTotal + capDrops + ageDrops);
            }

            transaction.Commit();
        }
        catch (SqliteException e)
        {
            _storageErrorsTotal++;
            _failuresSinceCommit++;
            OutboxLog.CommitFailed(_logger, e.SqliteErrorCode, e.Message, _pending.Count);
            RollBack(transaction);
            return false;
        }
        finally
        {
            Release(transaction);
        }

        if (_failuresSinceCommit > 0)
        {
            OutboxLog.Recovered(_logger, _failuresSinceCommit);
            _failuresSinceCommit = 0;
        }

        _readFailing = false;

        _commitsTotal++;
        _storedBytes += bytesDelta;
        _deletedThrough = Math.Max(_deletedThrough, _ackedThrough);
        if (capDrops + ageDrops > 0)
        {
            _droppedTotal += capDrops + ageDrops;
            OutboxLog.Dropped(_logger, capDrops + ageDrops, capDrops > 0 ? "size cap" : "age limit", _droppedTotal);
        }

        if (_pending.Count > 0)
        {
            _committedThrough = _pending[^1].Sequence;
            _pending.Clear();
            _pendingBytes = 0;
            var signal = _committedSignal;
            _committedSignal = NewSignal();
            signal.TrySetResult();
        }

        return true;
    }

    // Replaces the content of the rows the query returns (sequence, created, length) by
    // tombstones, until at least minimumBytesFreed bytes are freed (long.MinValue: all of them).
    private long DropRows(SqliteCommand query, long minimumBytesFreed, ref long bytesDelta)
    {
        var rows = new List<(long Sequence, long Created, long Length)>();
        using (var reader = query.ExecuteReader())
        {
            long freed = 0;
            while (freed < minimumBytesFreed || minimumBytesFreed == long.MinValue)
            {
                if (!reader.Read())
                {
                    break;
                }

                var row = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                rows.Add(row);
                freed += row.Item3;
            }
        }

        using var update = Command(OutboxSchema.Drop);
        var sequence = update.Parameters.Add("$sequence", SqliteType.Integer);
        var message = update.Parameters.Add("$message", SqliteType.Blob);
        foreach (var row in rows)
        {
            var tombstone = OutboxTombstone.Create((ulong)row.Sequence, row.Created);
            sequence.Value = row.Sequence;
            message.Value = tombstone;
            update.ExecuteNonQuery();
            bytesDelta += tombstone.Length - row.Length;
        }

        return rows.Count;
    }

    // After SQLITE_FULL or an I/O error SQLite may have rolled back already; a second rollback
    // then fails, and there is nothing left to undo.
    private static void RollBack(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }

    private static void Release(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // The rollback on dispose failed the same way (see RollBack).
        }
    }

    private void DropOldestPendingLocked()
    {
        long dropped = 0;
        for (var i = 0; i < _pending.Count && _pendingBytes > _options.MemoryQueueBytes; i++)
        {
            var entry = _pending[i];
            if (entry.Dropped)
            {
                continue;
            }

            var tombstone = OutboxTombstone.Create(entry.Sequence, entry.CreatedUnixMicroseconds);
            _pending[i] = entry with { Message = tombstone, Dropped = true };
            _pendingBytes += tombstone.Length - entry.Message.Length;
            dropped++;
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref _droppedTotal, dropped);
            OutboxLog.Dropped(_logger, dropped, "memory queue full while the disk refuses writes", _droppedTotal);
        }
    }

    private void ReadFailedLocked(SqliteException e)
    {
        _storageErrorsTotal++;
        _readFailing = true;
        OutboxLog.ReadFailed(_logger, e.SqliteErrorCode, e.Message);
    }
}

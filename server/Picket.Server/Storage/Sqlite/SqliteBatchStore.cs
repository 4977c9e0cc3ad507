using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Picket.Contract.V1;
using Picket.Server.Configuration;
using Picket.Server.Feed;
using Picket.Server.Ingest;
using Picket.Server.Metrics;

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite database in WAL mode with <c>synchronous=FULL</c>, so a
/// committed batch survives a crash or power cut. One writer task owns the connection and
/// commits whatever is queued in one transaction (group commit): every caller waits for the
/// fsync, but many batches share it.
/// </summary>
public sealed class SqliteBatchStore : IBatchStore, IAsyncDisposable
{
    private const int MaxGroupSize = 512;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly SequenceLedger _ledger = new();
    private readonly FeedHub _feed;
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private readonly SqliteConnection _connection;
    private readonly SqliteWriteCommands _commands;
    private readonly Channel<PendingWrite?> _queue = Channel.CreateBounded<PendingWrite?>(new BoundedChannelOptions(16384) { SingleReader = true });
    private readonly Task _writer;
    private readonly ITimer _sweepTimer;
    private readonly DatabaseFileWatch? _fileWatch;

    /// <summary>Opens (creating if needed) the database, recovers the ledger and the feed snapshot, and starts the writer.</summary>
    public SqliteBatchStore(ServerSettings settings, FeedHub feed, ServerMetrics metrics, TimeProvider clock, ILogger<SqliteBatchStore> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _feed = feed;
        _metrics = metrics;
        _clock = clock;
        _retention = settings.Retention;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = settings.SqlitePath ?? ":memory:",
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection; pooling would keep the file open after disposal.
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            Execute(SqliteSchema.Create);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new ConfigurationException("Storage:SqlitePath", $"cannot open '{settings.SqlitePath}' as a database: {e.Message}");
        }

        if (settings.SqlitePath is not null)
        {
            // Taken once WAL mode has created the -wal file: SQLite keeps it while the connection is open.
            _fileWatch = new DatabaseFileWatch([Path.GetFullPath(settings.SqlitePath), Path.GetFullPath(settings.SqlitePath) + "-wal"], logger);
        }

        _commands = new SqliteWriteCommands(_connection);
        SqliteRecovery.Recover(_connection, _ledger, _feed, (clock.GetUtcNow() - settings.SnapshotHorizon).ToUnixTimeMilliseconds() * 1000);
        // A dedicated thread: every commit blocks on fsync, which would otherwise hold a thread-pool
        // thread that the gRPC streams need.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _sweepTimer = clock.CreateTimer(_ => _queue.Writer.TryWrite(null), null, SweepInterval, SweepInterval);
    }

    /// <inheritdoc />
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _fileWatch?.LostTask ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task<bool> StoreAsync(string gatewayId, UplinkBatch batch, string? rejectionReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_fileWatch?.Lost is { } lost)
        {
            // Not even a duplicate is acked: the database that held it is gone.
            return Task.FromException<bool>(lost);
        }

        if (_ledger.Contains(gatewayId, batch.Sequence))
        {
            // A resend of something already durable: ack again, store nothing.
            _metrics.Duplicate();
            return Task.FromResult(false);
        }

        var pending = new PendingWrite(gatewayId, batch, rejectionReason);
        return EnqueueAsync(pending, cancellationToken);
    }

    /// <inheritdoc />
    public Ack CurrentAck(string gatewayId) => _ledger.Current(gatewayId);

    /// <inheritdoc />
    public SequenceState SequenceState(string gatewayId) => _ledger.State(gatewayId);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _sweepTimer.DisposeAsync().ConfigureAwait(false);
        if (_fileWatch is not null)
        {
            await _fileWatch.DisposeAsync().ConfigureAwait(false);
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _commands.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<bool> EnqueueAsync(PendingWrite pending, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void WriteLoop()
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        var inserted = new bool[MaxGroupSize];
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            var sweep = false;
            while (group.Count < MaxGroupSize && reader.TryRead(out var item))
            {
                if (item is null)
                {
                    sweep = true;
                }
                else
                {
                    group.Add(item);
                }
            }

            if (group.Count > 0)
            {
                CommitGroup(group, inserted);
            }

            if (sweep)
            {
                Sweep();
            }
        }
    }

    private void CommitGroup(List<PendingWrite> group, bool[] inserted)
    {
        var receivedAt = _clock.GetUtcNow();
        var receivedUs = receivedAt.ToUnixTimeMilliseconds() * 1000;
        try
        {
            using var transaction = _connection.BeginTransaction();
            _commands.Enlist(transaction);
            for (var i = 0; i < group.Count; i++)
            {
                inserted[i] = _commands.Insert(group[i], receivedUs);
            }

            transaction.Commit();
        }
        catch (SqliteException e)
        {
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(e);
            }

            return;
        }

        // Before acking: a commit into a database file that was unlinked or replaced is durable
        // in no file a restart would read.
        if (_fileWatch is not null && !_fileWatch.Check())
        {
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(_fileWatch.Lost!);
            }

            return;
        }

        // Only now is the group durable: record, publish and ack, in queue order.
        for (var i = 0; i < group.Count; i++)
        {
            var pending = group[i];
            _ledger.Record(pending.GatewayId, pending.Batch.Sequence, out var isNew);
            var stored = isNew && inserted[i];
            if (!stored)
            {
                _metrics.Duplicate();
            }
            else if (pending.RejectionReason is null)
            {
                _metrics.BatchStored(pending.Batch.Tracks.Count);
                _feed.Publish(pending.GatewayId, pending.Batch, receivedAt);
            }

            pending.Completion.TrySetResult(stored);
        }
    }

    private void Sweep()
    {
        var cutoffUs = (_clock.GetUtcNow() - _retention).ToUnixTimeMilliseconds() * 1000;
        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var (gateway, contiguous) in _ledger.ContiguousByGateway())
            {
                using var floor = _connection.CreateCommand();
                floor.Transaction = transaction;
                floor.CommandText = SqliteSchema.UpsertFloor;
                floor.Parameters.AddWithValue("$gateway", gateway);
                floor.Parameters.AddWithValue("$floor", (long)contiguous);
                floor.ExecuteNonQuery();
            }

            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = SqliteSchema.DeleteExpired;
            delete.Parameters.AddWithValue("$cutoff", cutoffUs);
            delete.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (SqliteException)
        {
            // Retention is best effort; the next sweep tries again. Ingest is unaffected.
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// The identities (device and inode) of the database file and its write-ahead log taken at
/// open, checked against their paths every second and, by the writer, after every commit before
/// its acks go out. Once a file is found deleted or replaced the watch stays tripped (logged
/// once, Critical): the server must be restarted on a database it can trust.
/// </summary>
internal sealed class DatabaseFileWatch : IAsyncDisposable
{
    // Two statx calls: cheap enough to run every second so health turns NotServing promptly.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly List<(string Path, FileIdentity Identity)> _files = [];
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private volatile StoreUnavailableException? _lost;
    private volatile Task? _lostTask;

    /// <summary>Records the identity of each existing path in <paramref name="paths"/> and starts the timer.</summary>
    public DatabaseFileWatch(IEnumerable<string> paths, ILogger logger)
    {
        foreach (var path in paths)
        {
            if (FileIdentity.TryRead(path, out var identity))
            {
                _files.Add((path, identity));
            }
        }

        _logger = logger;
        _timer = TimeProvider.System.CreateTimer(_ => Check(), null, CheckInterval, CheckInterval);
    }

    /// <summary>Why the database can no longer be trusted, or null while it can.</summary>
    public StoreUnavailableException? Lost => _lost;

    /// <summary>A task faulted with <see cref="Lost"/>, or null while the database can be trusted.</summary>
    public Task? LostTask => _lostTask;

    /// <summary>Compares every file with its identity at open; returns false once the database is lost.</summary>
    public bool Check()
    {
        if (_lost is not null)
        {
            return false;
        }

        foreach (var (path, identity) in _files)
        {
            string? reason = null;
            if (!FileIdentity.TryRead(path, out var now))
            {
                reason = $"'{path}' was deleted while the server had it open ({identity} at open)";
            }
            else if (now != identity)
            {
                reason = $"'{path}' was replaced while the server had it open ({identity} at open, {now} now)";
            }

            if (reason is not null)
            {
                Trip(reason + "; nothing more is acked until the server is restarted");
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private void Trip(string reason)
    {
        lock (_gate)
        {
            if (_lost is not null)
            {
                return;
            }

            var lost = new StoreUnavailableException(reason);
            var task = Task.FromException(lost);
            // Observed here: health checks and scrapes look at it without awaiting.
            _ = task.Exception;
            _lostTask = task;
            _lost = lost;
        }

        Log.DatabaseFileLost(_logger, reason);
    }
}

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// The identities (device and inode) of the database file and its write-ahead log taken at
/// open, checked against their paths on a timer and before every ack. Once a file is found
/// deleted or replaced the watch stays tripped: the server must be restarted on a database it
/// can trust.
/// </summary>
internal sealed class DatabaseFileWatch
{
    private readonly List<(string Path, FileIdentity Identity)> _files = [];
    private volatile string? _lostReason;

    /// <summary>Records the identity of each existing path in <paramref name="paths"/>.</summary>
    public DatabaseFileWatch(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (FileIdentity.TryRead(path, out var identity))
            {
                _files.Add((path, identity));
            }
        }
    }

    /// <summary>Why the database can no longer be trusted, or null while it can.</summary>
    public string? LostReason => _lostReason;

    /// <summary>Compares every file with its identity at open (two statx calls); returns true when tripped now for the first time.</summary>
    public bool CheckTrips()
    {
        if (_lostReason is not null)
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
                lock (_files)
                {
                    if (_lostReason is not null)
                    {
                        return false;
                    }

                    _lostReason = reason + "; nothing more is acked until the server is restarted";
                    return true;
                }
            }
        }

        return false;
    }
}

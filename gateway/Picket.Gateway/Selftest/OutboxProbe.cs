using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Picket.Gateway.Selftest;

/// <summary>
/// Checks that the outbox can be written: opens its SQLite file as the gateway does, writes a
/// probe table inside a transaction and rolls it back (no batch is appended). A file that did
/// not exist before is removed again.
/// </summary>
public static class OutboxProbe
{
    /// <summary>Checks <paramref name="path"/>.</summary>
    /// <param name="path">The outbox's SQLite file.</param>
    /// <returns>Pass with the free space, or fail with the reason.</returns>
    public static SelftestResult Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var check = "outbox " + path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (!Directory.Exists(directory))
        {
            return SelftestResult.Fail(check, $"directory '{directory}' does not exist");
        }

        var existed = File.Exists(path);
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "PRAGMA busy_timeout=5000; CREATE TABLE picket_selftest_probe(x BLOB); INSERT INTO picket_selftest_probe VALUES (zeroblob(4096));";
                command.ExecuteNonQuery();
                transaction.Rollback();
            }

            var free = new DriveInfo(directory).AvailableFreeSpace;
            return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"writable ({(existed ? "existing file" : "new file")}), {free / (1024.0 * 1024 * 1024):0.0} GiB free"));
        }
        catch (SqliteException e)
        {
            return SelftestResult.Fail(check, "not writable: " + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SelftestResult.Fail(check, "not writable: " + e.Message);
        }
        finally
        {
            if (!existed)
            {
                foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
                {
                    try
                    {
                        File.Delete(file);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Best effort: the probe must not fail on cleanup.
                    }
                }
            }
        }
    }
}

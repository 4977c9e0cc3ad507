using Microsoft.Data.Sqlite;

namespace Picket.Gateway.Benchmarks;

/// <summary>Reads what picket-server stored (server/Picket.Server/Storage/Sqlite/SqliteSchema.cs) after it has exited.</summary>
internal sealed class ServerDatabase : IDisposable
{
    private readonly SqliteConnection _connection;

    public ServerDatabase(string path)
    {
        // Read-write: the server was killed, so opening replays its WAL.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        _connection.Open();
    }

    /// <summary>Every stored track update: the update's time and when the server received (and then acked) its batch, µs.</summary>
    public List<(long TimeUnixMicroseconds, long ReceivedUnixMicroseconds)> TrackUpdates()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT time_unix_us, received_unix_us FROM track_history WHERE gateway_id = $gateway";
        command.Parameters.AddWithValue("$gateway", BenchmarkRun.GatewayId);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>The first receive time of a stored batch holding tracks, of any batch, and of a health report (µs), or null.</summary>
    public (long? FirstTrackBatch, long? FirstBatch, long? FirstHealth) Firsts() =>
        (Scalar("SELECT MIN(received_unix_us) FROM batches WHERE gateway_id = $gateway AND track_count > 0"),
         Scalar("SELECT MIN(received_unix_us) FROM batches WHERE gateway_id = $gateway"),
         Scalar("SELECT MIN(received_unix_us) FROM gateway_health WHERE gateway_id = $gateway"));

    public void Dispose() => _connection.Dispose();

    private long? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$gateway", BenchmarkRun.GatewayId);
        return command.ExecuteScalar() is long value ? value : null;
    }
}

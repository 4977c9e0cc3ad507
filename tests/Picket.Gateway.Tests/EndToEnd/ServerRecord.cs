using Microsoft.Data.Sqlite;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// What the server's SQLite database holds for one gateway, read with plain SQL against the
/// server's schema (server/Picket.Server/Storage/Sqlite/SqliteSchema.cs) after the server stopped.
/// </summary>
internal sealed record ServerRecord(
    IReadOnlyList<(ulong Sequence, int Tracks, string? Rejected)> Batches,
    IReadOnlyList<(ulong TrackId, long TimeUnixMicroseconds)> Updates)
{
    public static ServerRecord Read(string databasePath, string gatewayId)
    {
        var batches = new List<(ulong, int, string?)>();
        var updates = new List<(ulong, long)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sequence, track_count, rejected_reason FROM batches WHERE gateway_id = $gateway ORDER BY sequence";
            command.Parameters.AddWithValue("$gateway", gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                batches.Add(((ulong)reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        using (var command = connection.CreateCommand())
        {
            // Insertion order: batches are stored in the order they were accepted.
            command.CommandText = "SELECT track_id, time_unix_us FROM track_history WHERE gateway_id = $gateway ORDER BY rowid";
            command.Parameters.AddWithValue("$gateway", gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                updates.Add(((ulong)reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        return new ServerRecord(batches, updates);
    }
}

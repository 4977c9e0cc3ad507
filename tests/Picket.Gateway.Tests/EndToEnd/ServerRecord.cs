using Microsoft.Data.Sqlite;
using Picket.Contract.V1;

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

    /// <summary>Every track update and alert the server stored for one gateway, as the messages it received, in the order it stored them.</summary>
    public static (IReadOnlyList<TrackUpdate> Updates, IReadOnlyList<Alert> Alerts) ReadMessages(string databasePath, string gatewayId)
    {
        var updates = new List<TrackUpdate>();
        var alerts = new List<Alert>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT update_proto FROM track_history WHERE gateway_id = $gateway ORDER BY rowid";
            command.Parameters.AddWithValue("$gateway", gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                updates.Add(TrackUpdate.Parser.ParseFrom((byte[])reader[0]));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT alert_proto FROM alerts WHERE gateway_id = $gateway ORDER BY rowid";
            command.Parameters.AddWithValue("$gateway", gatewayId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                alerts.Add(Alert.Parser.ParseFrom((byte[])reader[0]));
            }
        }

        return (updates, alerts);
    }
}

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
        using var connection = Open(databasePath);
        var batches = Rows(
            connection,
            "SELECT sequence, track_count, rejected_reason FROM batches WHERE gateway_id = $gateway ORDER BY sequence",
            gatewayId,
            reader => ((ulong)reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        // Insertion order: batches are stored in the order they were accepted.
        var updates = Rows(
            connection,
            "SELECT track_id, time_unix_us FROM track_history WHERE gateway_id = $gateway ORDER BY rowid",
            gatewayId,
            reader => ((ulong)reader.GetInt64(0), reader.GetInt64(1)));
        return new ServerRecord(batches, updates);
    }

    /// <summary>Every track update and alert the server stored for one gateway, as the messages it received, in the order it stored them.</summary>
    public static (IReadOnlyList<TrackUpdate> Updates, IReadOnlyList<Alert> Alerts) ReadMessages(string databasePath, string gatewayId)
    {
        using var connection = Open(databasePath);
        var updates = Rows(connection, "SELECT update_proto FROM track_history WHERE gateway_id = $gateway ORDER BY rowid", gatewayId, reader => TrackUpdate.Parser.ParseFrom((byte[])reader[0]));
        var alerts = Rows(connection, "SELECT alert_proto FROM alerts WHERE gateway_id = $gateway ORDER BY rowid", gatewayId, reader => Alert.Parser.ParseFrom((byte[])reader[0]));
        return (updates, alerts);
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    // One query's rows for one gateway ($gateway), each read into a value.
    private static List<T> Rows<T>(SqliteConnection connection, string sql, string gatewayId, Func<SqliteDataReader, T> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$gateway", gatewayId);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}

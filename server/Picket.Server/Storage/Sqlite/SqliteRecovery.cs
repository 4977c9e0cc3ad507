using Microsoft.Data.Sqlite;
using Picket.Contract.V1;
using Picket.Server.Feed;
using Picket.Server.Ingest;

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// Start-up recovery from the database: each gateway's ledger (floor from the last retention
/// sweep plus the batch rows above it) and the feed snapshot (latest update of every track
/// stored within the snapshot horizon).
/// </summary>
internal static class SqliteRecovery
{
    public static void Recover(SqliteConnection connection, SequenceLedger ledger, FeedHub feed, long snapshotSinceUnixUs)
    {
        var floors = new Dictionary<string, ulong>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = SqliteSchema.SelectFloors;
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                floors[rows.GetString(0)] = (ulong)rows.GetInt64(1);
            }
        }

        var above = new Dictionary<string, List<ulong>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = SqliteSchema.SelectSequencesAboveFloor;
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var gateway = rows.GetString(0);
                if (!above.TryGetValue(gateway, out var list))
                {
                    above[gateway] = list = [];
                }

                list.Add((ulong)rows.GetInt64(1));
            }
        }

        foreach (var gateway in floors.Keys.Union(above.Keys))
        {
            ledger.Restore(gateway, floors.GetValueOrDefault(gateway), above.GetValueOrDefault(gateway) ?? []);
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = SqliteSchema.SelectLatestTracks;
            command.Parameters.AddWithValue("$since", snapshotSinceUnixUs);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                feed.Restore(rows.GetString(0), TrackUpdate.Parser.ParseFrom((byte[])rows.GetValue(1)), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2) / 1000));
            }
        }
    }
}

using Microsoft.Data.Sqlite;

namespace Picket.Server.Storage.Sqlite;

/// <summary>The writer's prepared INSERT statements, reused for every batch (no SQL parsing per row).</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand _batch;
    private readonly SqliteCommand _track;
    private readonly SqliteCommand _alert;
    private readonly SqliteCommand _health;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _batch = Create(connection, SqliteSchema.InsertBatch, "$gateway", "$sequence", "$received", "$created", "$tracks", "$reason", "$proto");
        _track = Create(connection, SqliteSchema.InsertTrack, "$gateway", "$track", "$time", "$received", "$latitude", "$longitude", "$cooperative", "$status", "$proto");
        _alert = Create(connection, SqliteSchema.InsertAlert, "$gateway", "$track", "$time", "$received", "$zone", "$event", "$proto");
        _health = Create(connection, SqliteSchema.InsertHealth, "$gateway", "$time", "$received", "$proto");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _batch.Transaction = transaction;
        _track.Transaction = transaction;
        _alert.Transaction = transaction;
        _health.Transaction = transaction;
    }

    /// <summary>Inserts the batch row and, when it is new and valid, its content. Returns false when the row already existed.</summary>
    public bool Insert(PendingWrite pending, long receivedUs)
    {
        var gatewayId = pending.GatewayId;
        var batch = pending.Batch;
        var rejectionReason = pending.RejectionReason;
        var p = _batch.Parameters;
        p[0].Value = gatewayId;
        p[1].Value = (long)batch.Sequence;
        p[2].Value = receivedUs;
        p[3].Value = batch.CreatedUnixUs;
        p[4].Value = batch.Tracks.Count;
        p[5].Value = (object?)rejectionReason ?? DBNull.Value;
        p[6].Value = (object?)pending.RejectedBlob ?? DBNull.Value;
        if (_batch.ExecuteNonQuery() == 0)
        {
            return false;
        }

        if (rejectionReason is not null)
        {
            return true;
        }

        for (var i = 0; i < batch.Tracks.Count; i++)
        {
            var track = batch.Tracks[i];
            var t = _track.Parameters;
            t[0].Value = gatewayId;
            t[1].Value = (long)track.TrackId;
            t[2].Value = track.TimeUnixUs;
            t[3].Value = receivedUs;
            t[4].Value = track.Position is null ? DBNull.Value : track.Position.LatitudeE7;
            t[5].Value = track.Position is null ? DBNull.Value : track.Position.LongitudeE7;
            t[6].Value = track.Cooperative ? 1 : 0;
            t[7].Value = (int)track.Status;
            t[8].Value = pending.TrackBlobs[i];
            _track.ExecuteNonQuery();
        }

        for (var i = 0; i < batch.Alerts.Count; i++)
        {
            var alert = batch.Alerts[i];
            var a = _alert.Parameters;
            a[0].Value = gatewayId;
            a[1].Value = (long)alert.TrackId;
            a[2].Value = alert.TimeUnixUs;
            a[3].Value = receivedUs;
            a[4].Value = alert.ZoneName;
            a[5].Value = (int)alert.Event;
            a[6].Value = pending.AlertBlobs[i];
            _alert.ExecuteNonQuery();
        }

        if (batch.Health is { } health)
        {
            var h = _health.Parameters;
            h[0].Value = gatewayId;
            h[1].Value = health.TimeUnixUs;
            h[2].Value = receivedUs;
            h[3].Value = pending.HealthBlob;
            _health.ExecuteNonQuery();
        }

        return true;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _track.Dispose();
        _alert.Dispose();
        _health.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }
}

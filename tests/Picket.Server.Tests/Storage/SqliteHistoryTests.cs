using Microsoft.Data.Sqlite;
using Picket.Contract.V1;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Storage;

/// <summary>What an accepted batch leaves in the database file: track history, alerts, gateway health.</summary>
public sealed class SqliteHistoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task PublishBatch_TracksAlertAndHealth_OneRowEachWithTheirFields()
    {
        var batch = TestBatches.Batch("gw-hist", 1, TestBatches.Track(7, latitudeE7: 451_234_567, longitudeE7: 151_234_567), TestBatches.Track(8, cooperative: false));
        batch.Alerts.Add(new Alert { ZoneName = "airfield", Event = ZoneEvent.Exit, TrackId = 7, TimeUnixUs = TestBatches.NowUnixUs });
        batch.Health = new GatewayHealth { GatewayId = "gw-hist", UptimeS = 3600, TimeUnixUs = TestBatches.NowUnixUs, OutboxDepth = 2 };
        await using (var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _directory.File("picket.db") }))
        {
            await server.Ingest.PublishBatchAsync(batch);
            await server.Ingest.PublishBatchAsync(batch); // a resend adds nothing
        }

        Assert.Equal(
            ["7 451234567 151234567 1", "8 450000000 150000000 0"],
            Rows("SELECT track_id, latitude_e7, longitude_e7, cooperative FROM track_history WHERE gateway_id = 'gw-hist' ORDER BY track_id"));
        Assert.Equal(["7 airfield 2"], Rows("SELECT track_id, zone_name, zone_event FROM alerts WHERE gateway_id = 'gw-hist'"));
        var health = Assert.Single(Blobs("SELECT health_proto FROM gateway_health WHERE gateway_id = 'gw-hist'"));
        Assert.Equal(2U, GatewayHealth.Parser.ParseFrom(health).OutboxDepth);
        Assert.Equal(["1 2"], Rows("SELECT sequence, track_count FROM batches WHERE gateway_id = 'gw-hist'"));
    }

    public void Dispose() => _directory.Dispose();

    private List<string> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private List<byte[]> Blobs(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var blobs = new List<byte[]>();
        while (reader.Read())
        {
            blobs.Add((byte[])reader.GetValue(0));
        }

        return blobs;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.File("picket.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}

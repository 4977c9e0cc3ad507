using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Contract.V1;
using Picket.Gateway.Configuration;
using Picket.Gateway.Health;
using Picket.Gateway.Tracking;
using Picket.Testing;

namespace Picket.Gateway.Hosting;

/// <summary>The runtime in process: a real TCP Beast feed, a real outbox file, no uplink (store only).</summary>
public sealed class GatewayRuntimeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-runtime-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task BeastFromTcpBecomesStoredBatchesHealthAndAStatusFile()
    {
        var capture = SharedData.PathOf("adsb/beast_ulss7_20180403.bin");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            await stream.WriteAsync(await File.ReadAllBytesAsync(capture));
            await Task.Delay(TimeSpan.FromSeconds(30));
        });

        var settings = new GatewaySettings
        {
            GatewayId = "mast-t",
            Site = new GeoSite(45.4, 11.9, 30),
            Inputs = [$"beast:tcp:127.0.0.1:{port}"],
            OutboxPath = Path.Combine(_directory, "outbox.db"),
            StatusPath = Path.Combine(_directory, "status.json"),
            HealthInterval = TimeSpan.FromSeconds(1),
            BatchInterval = TimeSpan.FromMilliseconds(200),
            TrustSystemClock = true,
        };
        using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
        runtime.Start();
        var watch = Stopwatch.StartNew();
        while (!(runtime.LatestHealth is { } h && h.Sources[0].FramesTotal > 0 && File.Exists(settings.StatusPath)) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var turns = runtime.Progress.Turns;
        await Task.Delay(TimeSpan.FromSeconds(3));
        // The pipeline thread ticks while the feed is quiet: the watchdog's food.
        Assert.True(runtime.Progress.Turns > turns, "the pipeline thread did not tick");
        // Three quiet seconds later (the listener sends nothing more), the feed is still connected, never reopened.
        var quiet = runtime.LatestHealth!.Sources[0];
        Assert.True(quiet.Connected, "the quiet TCP feed was reported disconnected");
        Assert.Equal(0, quiet.ReconnectsTotal);
        await runtime.StopAsync();

        var status = StatusFile.Read(settings.StatusPath);
        Assert.Equal("mast-t", status.GatewayId);
        Assert.True(status.Sources[0].FramesTotal > 10_000, $"{status.Sources[0].FramesTotal} frames");
        Assert.True(status.Tracker.ModeSObservationsTotal > 0);
        Assert.False(status.Uplink.Configured);

        // Store only: every closed batch is in the outbox, numbered 1, 2, ..., and parses as the contract's UplinkMessage.
        using var connection = new SqliteConnection($"Data Source={settings.OutboxPath};Mode=ReadOnly");
        connection.Open();
        var batches = ReadBatches(connection);
        Assert.NotEmpty(batches);
        Assert.Equal(Enumerable.Range(1, batches.Count).Select(i => (ulong)i), batches.Select(b => b.Sequence));
        // The capture arrives in one burst, so every frame has nearly the same arrival time and no
        // track is confirmed (nothing to publish but health); tracking is tested elsewhere.
        Assert.Contains(batches, b => b.Health is not null && b.Health.GatewayId == "mast-t" && b.Health.Sources.Count == 1);
    }

    private static List<UplinkBatch> ReadBatches(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM outbox ORDER BY sequence";
        var batches = new List<UplinkBatch>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            batches.Add(UplinkMessage.Parser.ParseFrom((byte[])reader.GetValue(0)).Batch);
        }

        return batches;
    }
}

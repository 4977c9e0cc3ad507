using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Picket.Cli;
using Picket.Contract.V1;
using Picket.Gateway.Outbox;
using Picket.Gateway.Uplink;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Recording;

/// <summary><c>picket replay --config</c>: a recording played as a gateway into the outbox and through the uplink to the real server.</summary>
public sealed class GatewayReplayTests(ITestOutputHelper output) : IDisposable
{
    private const long Start = 1_522_782_120_000_000; // 2018-04-03T19:02:00Z
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task ReplayAsGateway_StoreOnlyTwice_IdenticalOutboxBatchesThatGoogleProtobufParses()
    {
        var recording = WriteCaptureRecording();
        var first = _directory.File("first.db");
        var second = _directory.File("second.db");

        var (firstExit, firstError) = await RunAsync("replay", "--recording", recording, "--config", WriteConfig(null), "--Outbox:Path", first, "--as-fast-as-possible");
        var (secondExit, _) = await RunAsync("replay", "--recording", recording, "--config", WriteConfig(null), "--Outbox:Path", second, "--as-fast-as-possible");
        output.WriteLine(firstError);

        Assert.True(firstExit == CommandLine.Success, firstError);
        Assert.Equal(CommandLine.Success, secondExit);
        var rows = ReadOutbox(first);
        Assert.NotEmpty(rows);
        Assert.Equal(rows, ReadOutbox(second));
        // Google.Protobuf, not our encoder, reads every batch: contiguous sequences from 1, this gateway, recorded times.
        var batches = rows.Select(r => UplinkMessage.Parser.ParseFrom(Convert.FromHexString(r.Message)).Batch).ToList();
        Assert.Equal(Enumerable.Range(1, batches.Count).Select(i => (ulong)i), batches.Select(b => b.Sequence));
        Assert.All(batches, b => Assert.Equal("mast-1", b.GatewayId));
        Assert.All(batches, b => Assert.InRange(b.CreatedUnixUs, Start, Start + 100_000_000));
        Assert.Contains(batches, b => b.Tracks.Count > 0);
    }

    [Fact]
    public async Task ReplayAsGateway_WithUplink_RealServerStoresEveryBatch()
    {
        var recording = WriteCaptureRecording();
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), "mast-1");
        var outbox = _directory.File("outbox.db");

        var (exit, error) = await RunAsync("replay", "--recording", recording, "--config", WriteConfig(server.Address), "--Outbox:Path", outbox, "--as-fast-as-possible");
        output.WriteLine(error);

        Assert.True(exit == CommandLine.Success, error);
        await server.StopAsync(TimeSpan.FromSeconds(2));
        var stored = server.ReadStored();
        ulong last;
        using (var reopened = SqliteOutbox.Open(new OutboxOptions { Path = outbox }))
        {
            last = reopened.NextSequence - 1;
            Assert.Equal(last, reopened.AcknowledgedThrough);
        }

        Assert.True(last > 0);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (ulong)i), stored.Batches.Select(b => b.Sequence));
        Assert.True(stored.TrackIds.Count > 0);
    }

    public void Dispose() => _directory.Dispose();

    private static List<(long Sequence, long Created, string Message)> ReadOutbox(string path)
    {
        var rows = new List<(long, long, string)>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, created_unix_us, message FROM outbox ORDER BY sequence";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), Convert.ToHexString((byte[])reader[2])));
        }

        return rows;
    }

    private string WriteCaptureRecording()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var path = _directory.File("capture.rec");
        if (!File.Exists(path))
        {
            using var writer = new RecordingWriter(File.Create(path), ["beast:tcp:127.0.0.1:30005"], Start);
            for (var offset = 0; offset < bytes.Length; offset += 512)
            {
                writer.Write(0, Start + (offset / 512 * 200_000L), bytes, offset, Math.Min(512, bytes.Length - offset));
            }
        }

        return path;
    }

    private string WriteConfig(Uri? server)
    {
        var path = _directory.File("appsettings-" + Guid.NewGuid().ToString("N") + ".json");
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["Id"] = "mast-1" },
            ["Site"] = new Dictionary<string, object> { ["Latitude"] = 59.7, ["Longitude"] = 30.6, ["HeightMetres"] = 30 },
            ["Inputs"] = new[] { "beast:tcp:127.0.0.1:30005" },
            ["Outbox"] = new Dictionary<string, object> { ["Path"] = _directory.File("unused.db") },
        };
        if (server is not null)
        {
            settings["Uplink"] = new Dictionary<string, object> { ["Address"] = server.ToString(), ["Token"] = RealServer.GatewayToken };
        }

        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CommandLine.RunAsync(args, TextReader.Null, stdout, error);
        return (exit, error.ToString());
    }
}

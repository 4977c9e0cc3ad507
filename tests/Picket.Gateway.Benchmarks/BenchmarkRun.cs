using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Picket.Testing;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// Starts picket-server and <c>picket run</c> as their own processes in a temporary folder, feeds the
/// gateway over TCP, samples the gateway's /proc figures and status file, and stops both (SIGKILL,
/// after a drain) leaving the server's database to read.
/// </summary>
internal static class BenchmarkRun
{
    public const string GatewayId = "mast-1";
    private const string Token = "bench-token-0123456789abcdef";
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(6);


    public static RunResult Execute(RunOptions options, string folder)
    {
        Directory.CreateDirectory(folder);
        var serverPort = FreePorts.Tcp();
        var databasePath = Path.Combine(folder, "server.db");
        var statusPath = Path.Combine(folder, "status.json");
        using var server = ChildProcess.Start(BuiltPrograms.PicketServer,
        [
            "--Listen:Port", serverPort.ToString(CultureInfo.InvariantCulture), "--Management:Port", "off",
            "--Storage:SqlitePath", databasePath,
            "--Auth:Tokens:0:Identity", GatewayId, "--Auth:Tokens:0:Role", "Gateway",
            "--Auth:Tokens:0:Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            "--Logging:LogLevel:Default", "Warning",
        ], logPath: Path.Combine(folder, "server.log"));
        server.WaitForPortAsync(serverPort, TimeSpan.FromSeconds(90)).GetAwaiter().GetResult();

        using var relay = options.CountWireBytes ? new ByteRelay(serverPort) : null;
        using var feeder = new BeastFeeder(options.Recording);
        var configPath = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(configPath, GatewayConfiguration(options, feeder.Port, relay?.Port ?? serverPort, folder, statusPath));
        feeder.Start(options.FeedSeconds);
        using var gateway = ChildProcess.Start(options.Picket, ["run", "--config", configPath, .. options.Overrides], logPath: Path.Combine(folder, "gateway.log"));

        DateTime? statusSeen = null;
        ProcFs? windowStart = null;
        JsonElement? statusAtStart = null;
        (long, long) wireAtStart = default;
        long maxRss = 0;
        var sampled = Stopwatch.StartNew();
        var windowClock = new Stopwatch();
        var deadline = Stopwatch.StartNew();
        while (!feeder.Finished.Wait(10))
        {
            if (gateway.HasExited)
            {
                throw new InvalidOperationException($"picket run exited early; see {Path.Combine(folder, "gateway.log")}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(options.FeedSeconds + 120))
            {
                throw new TimeoutException($"the feed did not end ({feeder.Outcome}); see {folder}");
            }

            if (statusSeen is null && File.Exists(statusPath))
            {
                statusSeen = DateTime.UtcNow;
            }

            if (sampled.Elapsed >= TimeSpan.FromSeconds(1))
            {
                sampled.Restart();
                maxRss = Math.Max(maxRss, ProcFs.Read(gateway.Id).RssKilobytes);
            }

            if (windowStart is null && feeder.FirstWriteUtc is { } first && DateTime.UtcNow - first >= TimeSpan.FromSeconds(options.WarmupSeconds))
            {
                windowStart = ProcFs.Read(gateway.Id);
                windowClock.Start();
                wireAtStart = (relay?.UpstreamBytes ?? 0, BeastFeeder.UnixMicroseconds(DateTime.UtcNow));
                statusAtStart = ReadStatus(statusPath);
            }
        }

        var windowEnd = ProcFs.Read(gateway.Id);
        var wireAtEnd = (relay?.UpstreamBytes ?? 0, BeastFeeder.UnixMicroseconds(DateTime.UtcNow));
        var statusAtFeedEnd = ReadStatus(statusPath);
        var windowSeconds = windowClock.Elapsed.TotalSeconds;
        maxRss = Math.Max(maxRss, windowEnd.RssKilobytes);
        Thread.Sleep(Drain);
        var statusAtEnd = ReadStatus(statusPath);
        var (times, ends) = feeder.Log();
        File.WriteAllLines(Path.Combine(folder, "writes.csv"), times.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"{t},{ends[i]}")).Prepend("write_unix_us,stream_offset"));
        var result = new RunResult
        {
            Label = options.Label,
            GatewayStartedUtc = gateway.StartedUtc,
            StatusFileSeenUtc = statusSeen,
            FirstWriteUtc = feeder.FirstWriteUtc,
            WindowStart = windowStart ?? windowEnd,
            WindowEnd = windowEnd,
            WindowSeconds = windowSeconds,
            MaxRssKilobytes = maxRss,
            PeakRssKilobytes = ProcFs.Read(gateway.Id).PeakRssKilobytes,
            StatusAtStart = statusAtStart,
            StatusAtFeedEnd = statusAtFeedEnd,
            StatusAtEnd = statusAtEnd,
            WireAtStart = wireAtStart,
            WireAtEnd = wireAtEnd,
            WriteUnixMicroseconds = times,
            WriteEnds = ends,
            FeedOutcome = feeder.Outcome,
            ServerDatabasePath = databasePath,
        };
        return result;
    }

    private static string GatewayConfiguration(RunOptions options, int feederPort, int serverPort, string folder, string statusPath)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("Gateway");
            json.WriteString("Id", GatewayId);
            json.WriteEndObject();
            json.WriteStartObject("Site");
            json.WriteNumber("Latitude", options.Site.Latitude);
            json.WriteNumber("Longitude", options.Site.Longitude);
            json.WriteNumber("HeightMetres", options.Site.HeightMetres);
            json.WriteEndObject();
            json.WriteStartArray("Inputs");
            json.WriteStringValue($"beast:tcp:127.0.0.1:{feederPort}");
            json.WriteEndArray();
            if (options.ZonesPath is not null)
            {
                json.WriteStartObject("Zones");
                json.WriteString("Path", options.ZonesPath);
                json.WriteEndObject();
            }

            json.WriteStartObject("Outbox");
            json.WriteString("Path", Path.Combine(folder, "outbox.db"));
            json.WriteEndObject();
            json.WriteStartObject("Clock");
            json.WriteBoolean("TrustSystemClock", true);
            json.WriteEndObject();
            json.WriteStartObject("Uplink");
            json.WriteString("Address", $"http://127.0.0.1:{serverPort}");
            json.WriteString("Token", Token);
            json.WriteEndObject();
            json.WriteStartObject("Health");
            json.WriteNumber("IntervalSeconds", 1);
            json.WriteString("StatusPath", statusPath);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonElement? ReadStatus(string path)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return document.RootElement.Clone();
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                Thread.Sleep(50);
            }
        }

        return null;
    }
}

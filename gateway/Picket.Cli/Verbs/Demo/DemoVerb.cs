using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Picket.Cli.Verbs.Track;
using Picket.Contract.V1;
using Microsoft.Data.Sqlite;
using Picket.Gateway.Outbox;
using Picket.Gateway.Publishing;
using Picket.Gateway.Uplink;
using Picket.Protobuf;
using Picket.Publishing;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// <c>picket demo</c>: a simulated border incursion through the whole pipeline to a local server.
/// The scenario is recorded as the Beast and ASTERIX byte streams a mast receives, decoded by the
/// real decoders, tracked, encoded by the portable core, published over gRPC to the reference
/// server started on loopback, and followed on the server's feed by a consumer that prints the
/// zone alerts as they arrive. Needs nothing outside the repository.
/// </summary>
public sealed class DemoVerb : IVerb
{
    private const string DefaultScenario = "gulf-of-finland-incursion";
    private const string GatewayId = "demo-mast-1";

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "run a simulated border incursion through the pipeline to a local server";

    /// <inheritdoc />
    public string Usage => $"usage: picket demo [--scenario NAME (default {DefaultScenario})] [--seconds N (scenario time)] [--batch-seconds N (default 5)] [--speed N (N times real time; default as fast as possible)]";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("scenario", "NAME", "Scenario to run", VerbOptionKind.Value),
        new("seconds", "N", "Scenario time to run, in seconds", VerbOptionKind.Value),
        new("batch-seconds", "N", "Seconds of updates per uplink batch (default 5)", VerbOptionKind.Value),
        new("speed", "N", "Play the scenario at N times real time, to watch it on the map (default: as fast as possible)", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var scenarioName = options.Get("scenario") ?? DefaultScenario;
        var seconds = ParsePositive(options, "seconds", null);
        var batchSeconds = ParsePositive(options, "batch-seconds", 5)!.Value;
        var speed = ParsePositive(options, "speed", null);
        options.ThrowIfUnused();

        ScenarioDefinition definition;
        try
        {
            definition = ScenarioLoader.LoadBuiltIn(scenarioName);
        }
        catch (ScenarioException e)
        {
            throw new InputException(e.Message, e);
        }

        var stopwatch = Stopwatch.StartNew();
        // The server authenticates the gateway and the consumers (the map page among them) with bearer tokens made for this run.
        var gatewayToken = NewToken();
        var consumerToken = NewToken();
        var zonesPath = await WriteZonesAsync(definition).ConfigureAwait(false);
        List<string> serverArguments =
        [
            "--Logging:LogLevel:Default=Error",
            "--Auth:Tokens:0:Identity", GatewayId, "--Auth:Tokens:0:Role", "Gateway", "--Auth:Tokens:0:Sha256", TokenHash(gatewayToken),
            "--Auth:Tokens:1:Identity", "demo-consumer", "--Auth:Tokens:1:Role", "Consumer", "--Auth:Tokens:1:Sha256", TokenHash(consumerToken),
            "--Map:RadarRangeKm", ((definition.Radar?.MaxRangeM ?? 150_000) / 1000).ToString(CultureInfo.InvariantCulture),
        ];
        if (zonesPath is not null)
        {
            serverArguments.AddRange(["--Map:ZonesPath", zonesPath]);
        }

        ServerProcess started;
        try
        {
            started = await ServerProcess.StartAsync(serverArguments, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // Read and checked by the server at start.
            if (zonesPath is not null)
            {
                File.Delete(zonesPath);
            }
        }

        await using var server = started;
        var address = server.Address;
        await console.Error.WriteLineAsync($"picket demo: reference server (picket-server, its own process) on {address}; scenario {definition.Name}: {definition.Description}").ConfigureAwait(false);
        await console.Error.WriteLineAsync($"map: {server.Http1Address}map/#token={consumerToken}").ConfigureAwait(false);

        using var channel = GrpcChannel.ForAddress(address);
        using var stopFeed = new CancellationTokenSource();
        var follower = new FeedFollower(console.Out, consumerToken);
        var feed = follower.FollowAsync(new TrackFeed.TrackFeedClient(channel), stopFeed.Token);

        // The gateway side, with the gateway's own parts: the tracker's output thinned and batched by
        // the TrackPublisher (the core's encoders write the bytes), each batch committed to a SQLite
        // outbox, the UplinkService streaming the outbox to the server and deleting what it acks.
        var outboxDirectory = Directory.CreateTempSubdirectory("picket-demo-outbox-").FullName;
        try
        {
            // The scene's clock is in the past: no age limit, or the outbox would drop every batch as stale.
            using var outbox = SqliteOutbox.Open(new OutboxOptions { Path = Path.Combine(outboxDirectory, "outbox.db"), CommitInterval = TimeSpan.FromMilliseconds(100), MaxAge = TimeSpan.FromDays(36_500) });
            var publisher = new TrackPublisher(GatewayId, outbox, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(batchSeconds));
            var pace = new Pacer(speed);
            var runner = new ScenarioRunner(definition, seconds, recorded: true)
            {
                ReportObserver = r =>
                {
                    pace.Wait(r.TimeUnixMicroseconds);
                    publisher.OnTrackReport(ref r);
                },
                AlertObserver = a => publisher.OnZoneAlert(ref a),
            };
            var uplink = new UplinkService(outbox, new UplinkOptions { ServerAddress = address, Hello = Hello(definition), BearerToken = gatewayToken });
            using var stopUplink = new CancellationTokenSource();
            var uplinkTask = uplink.RunAsync(stopUplink.Token);
            var report = await Task.Run(() =>
            {
                var result = runner.Run(null);
                publisher.Flush();
                outbox.Flush();
                return result;
            }).ConfigureAwait(false);

            // Every committed batch acked, and the consumer has seen every update and alert published.
            var last = outbox.NextSequence - 1;
            var deadline = Stopwatch.StartNew();
            while ((uplink.Counters.AckedSequence < last || follower.Updates < publisher.ReportsPublished || follower.Alerts < publisher.AlertsPublished) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            await stopUplink.CancelAsync().ConfigureAwait(false);
            await uplinkTask.ConfigureAwait(false);
            await stopFeed.CancelAsync().ConfigureAwait(false);
            await feed.ConfigureAwait(false);

            await console.Out.WriteLineAsync(ScenarioSummary.Format(runner, report)).ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"uplink: {publisher.ReportsPublished} track updates (of {publisher.ReportsSeen} reports, thinned to one a second per track) and {publisher.AlertsPublished} alerts in {last} batches ({uplink.Counters.BytesSent} bytes), server acked up to sequence {uplink.Counters.AckedSequence} ({uplink.Counters.Rejects} refused{(uplink.Counters.LastError is { } error ? ", last error: " + error : "")}); " +
                $"consumer received {follower.Updates} updates and {follower.Alerts} alerts from the server's feed; wall time {stopwatch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);

            var everyIncursionAlerted = report.Incursions.Where(i => !i.Cooperative).All(i => !double.IsNaN(i.AlertSeconds));
            var delivered = uplink.Counters.AckedSequence == last && outbox.Depth == 0 && outbox.DroppedTotal == 0 && uplink.Counters.Rejects == 0 && follower.Updates == publisher.ReportsPublished && follower.Alerts == publisher.AlertsPublished;
            return everyIncursionAlerted && delivered ? CommandLine.Success : CommandLine.InputError;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(outboxDirectory, recursive: true);
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // The scenario's zones, for the server's map (Map:ZonesPath); null when it has none.
    private static async Task<string?> WriteZonesAsync(ScenarioDefinition definition)
    {
        await using var zones = ScenarioLoader.OpenZones(definition);
        if (zones is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), $"picket-demo-zones-{Guid.NewGuid():N}.geojson");
        await using var file = File.Create(path);
        await zones.CopyToAsync(file).ConfigureAwait(false);
        return path;
    }

    private static byte[] Hello(ScenarioDefinition definition)
    {
        var buffer = new byte[1024];
        var site = definition.Site;
        var length = HelloEncoder.Encode(new ProtoWriter(buffer), buffer, 0, GatewayId, VersionInfo.Text, (int)Math.Round(site.LatitudeDeg * 1e7), (int)Math.Round(site.LongitudeDeg * 1e7), true, (int)Math.Round(site.AltitudeM * 1000), "Demo mast");
        return buffer.AsSpan(0, length).ToArray();
    }
    private static int? ParsePositive(ArgumentList options, string name, int? fallback)
    {
        var text = options.Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"--{name} must be a positive whole number, not '{text}'");
    }

    /// <summary>A consumer of the server's feed: counts updates and prints alerts as they arrive.</summary>
    private sealed class FeedFollower(TextWriter output, string token)
    {
        private long _updates;
        private long _alerts;

        public long Updates => Interlocked.Read(ref _updates);

        public long Alerts => Interlocked.Read(ref _alerts);

        public async Task FollowAsync(TrackFeed.TrackFeedClient feed, CancellationToken cancellationToken)
        {
            try
            {
                using var call = feed.Subscribe(new SubscribeRequest(), new Metadata { { "authorization", "Bearer " + token } }, cancellationToken: cancellationToken);
                await foreach (var feedEvent in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (feedEvent.EventCase == FeedEvent.EventOneofCase.Track && !feedEvent.Snapshot)
                    {
                        Interlocked.Increment(ref _updates);
                    }
                    else if (feedEvent.EventCase == FeedEvent.EventOneofCase.Alert)
                    {
                        Interlocked.Increment(ref _alerts);
                        await output.WriteLineAsync(Describe(feedEvent.Alert)).ConfigureAwait(false);
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                // Stopped by the demo.
            }
            catch (OperationCanceledException)
            {
                // Stopped by the demo.
            }
        }

        private static string Describe(Alert alert)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(alert.TimeUnixUs / 1000).ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var who = alert.Cooperative ? "cooperative" : "NON-COOPERATIVE";
            var identity = alert.Identity is null
                ? "no identity"
                : string.Join(' ', new[]
                {
                    alert.Identity.HasIcaoAddress ? "ICAO " + alert.Identity.IcaoAddress.ToString("X6", CultureInfo.InvariantCulture) : null,
                    alert.Identity.Callsign.Length > 0 ? alert.Identity.Callsign : null,
                }.Where(s => s is not null));
            var duration = alert.HasDurationUs ? string.Create(CultureInfo.InvariantCulture, $" after {alert.DurationUs / 1e6:F0} s inside") : "";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"ALERT {time} {alert.Event switch { ZoneEvent.Enter => "ENTER", ZoneEvent.Exit => "EXIT ", ZoneEvent.Lost => "LOST ", _ => "?    " }} {alert.ZoneName}: track {alert.TrackId}, {who} ({identity}){duration}");
        }
    }

    /// <summary>Holds the scenario back to <c>--speed</c> times real time (no wait without it).</summary>
    private sealed class Pacer(int? speed)
    {
        private readonly Stopwatch _wall = new();
        private long _firstMicroseconds;

        public void Wait(long timeUnixMicroseconds)
        {
            if (speed is not { } factor)
            {
                return;
            }

            if (!_wall.IsRunning)
            {
                _firstMicroseconds = timeUnixMicroseconds;
                _wall.Start();
                return;
            }

            var ahead = TimeSpan.FromMicroseconds((double)(timeUnixMicroseconds - _firstMicroseconds) / factor) - _wall.Elapsed;
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                Thread.Sleep(ahead);
            }
        }
    }
}

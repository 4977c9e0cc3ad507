using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Picket.Gateway.Health;
using Picket.Gateway.Outbox;
using Picket.Simulation;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// <c>picket demo</c>: a simulated border incursion through the real parts, each its own process:
/// <c>picket-server --dev</c> (SQLite and the dev certificates in a temporary folder, mTLS: the
/// gateway and the demo's consumer authenticated with their own certificates, the browser's map
/// with a consumer token on the loopback-only HTTP/1.1 port), <c>picket sim</c> playing the scenario time-compressed as
/// a receiver's Beast over TCP (GNSS timestamps) and a radar's ASTERIX over UDP, and <c>picket
/// run</c> reading those sockets through the framers, tracker, outbox and uplink with a generated
/// appsettings.json. A consumer follows the server's feed for the live table; at the end the
/// incursions, false alerts, traffic, the server's store against the gateway's outbox, and the
/// scorecard against the simulation's truth. Ctrl+C stops everything and removes the folder.
/// </summary>
public sealed class DemoVerb : IVerb
{
    private const string DefaultScenario = "gulf-of-finland-incursion";

    /// <summary>Wall seconds the story takes by default (the speed follows from the scenario's length).</summary>
    private const double DefaultWallSeconds = 150;

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "run a simulated border incursion through picket sim, picket run and picket-server (each its own process)";

    /// <inheritdoc />
    public string Usage => $"usage: picket demo [--scenario NAME (default {DefaultScenario})] [--speed N (default: the story in about {DefaultWallSeconds:F0} s)] [--seconds N (scenario time)] [--batch-seconds N (default 5)]";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("scenario", "NAME", "Scenario to run", VerbOptionKind.Value),
        new("speed", "N", "Scenario seconds per wall second (default: the whole story in about 150 s; 8 for the seed story)", VerbOptionKind.Value),
        new("seconds", "N", "Scenario time to run, in seconds", VerbOptionKind.Value),
        new("batch-seconds", "N", "Seconds of updates per uplink batch (default 5)", VerbOptionKind.Value),
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
        var speedText = options.Get("speed");
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

        var scenarioSeconds = Math.Min(seconds ?? double.MaxValue, definition.DurationS);
        double speed;
        if (speedText is null)
        {
            speed = Math.Max(1, Math.Round(scenarioSeconds / DefaultWallSeconds));
        }
        else if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || !(speed > 0) || speed > 1000)
        {
            throw new UsageException($"--speed '{speedText}' is not a number above 0 and at most 1000");
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var directory = Directory.CreateTempSubdirectory("picket-demo-").FullName;
        try
        {
            var run = new DemoRun(definition, (long)Math.Round(scenarioSeconds * 1e6), speed, batchSeconds, directory, console);
            return await run.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("picket demo: interrupted; every process stopped and the temporary folder removed").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            SqliteConnection.ClearAllPools();
            DeleteDirectory(directory);
        }
    }

    private static void DeleteDirectory(string directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                // A child that just exited may still be closing a file.
                Thread.Sleep(100);
            }
        }
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

    /// <summary>One run of the demo: its processes, its folder, its feed.</summary>
    private sealed class DemoRun(ScenarioDefinition definition, long durationMicroseconds, double speed, int batchSeconds, string directory, VerbConsole console)
    {
        private readonly TaskCompletionSource<DateTimeOffset> _playedStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var wall = Stopwatch.StartNew();
            var serverDirectory = Directory.CreateDirectory(Path.Combine(directory, "server")).FullName;
            var gatewayDirectory = Directory.CreateDirectory(Path.Combine(directory, "gateway")).FullName;
            // The map: a browser has no client certificate and would not trust the dev CA, so it
            // signs in with the dev map token on the loopback-only HTTP/1.1 port; the address
            // printed below opens as written in a browser on this machine, with no certificate warning.
            var http1Port = ServerProcess.FreeLoopbackPort();
            // The scenario's zones: the gateway alerts on them, the server's map draws them with the radar's coverage.
            var zonesPath = ScenarioLoader.WriteZones(definition, directory);
            List<string> mapArguments = ["--Map:RadarRangeKm", ((definition.Radar?.MaxRangeM ?? 150_000) / 1000).ToString(CultureInfo.InvariantCulture)];
            if (zonesPath is not null)
            {
                mapArguments.AddRange(["--Map:ZonesPath", zonesPath]);
            }

            await using var server = await ServerProcess.StartAsync(
                serverDirectory,
                [
                    .. mapArguments,
                    "--Listen:Http1Port", http1Port.ToString(CultureInfo.InvariantCulture),
                    "--Logging:LogLevel:Default", "Error",
                    // Time compression: sim stamps the frames on a clock that starts now and runs `speed`
                    // times faster, so the story's last updates lie up to (1 - 1/speed) of its length
                    // ahead of the wall clock. (A clock that ended at now instead would put the frames
                    // in the past, where the gateway's idle advance to the wall clock makes them late.)
                    "--Limits:MaxFutureSkewSeconds", ((int)Math.Ceiling(durationMicroseconds / 1e6 * (1 - (1 / speed))) + 300).ToString(CultureInfo.InvariantCulture),
                ],
                cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"map: http://127.0.0.1:{http1Port}/map/#token={server.ReadMapToken()}")).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"picket demo: {definition.Name}: {definition.Description}\n" +
                $"picket demo: {durationMicroseconds / 1e6:F0} s of scenario at speed {speed:0.##} (about {durationMicroseconds / 1e6 / speed:F0} s); picket-server (pid {server.Process.Id}) on {server.Address} (mTLS, dev certificates in {serverDirectory}), data in {directory}")).ConfigureAwait(false);

            // The sensors: sim's Beast on a listening TCP port (as readsb's 30005), its ASTERIX to a UDP port.
            var beastPort = ServerProcess.FreeLoopbackPort();
            var asterixPort = FreeUdpPort();
            var (self, prefix) = DemoChild.Self();
            List<string> simArguments =
            [
                .. prefix, "sim", "--scenario", definition.Name, "--speed", speed.ToString(CultureInfo.InvariantCulture),
                "--seconds", (durationMicroseconds / 1e6).ToString(CultureInfo.InvariantCulture),
                "--output", string.Create(CultureInfo.InvariantCulture, $"beast:tcp-listen:127.0.0.1:{beastPort}:gps"),
                "--output", string.Create(CultureInfo.InvariantCulture, $"asterix:udp:127.0.0.1:{asterixPort}"),
                "--wait-for-clients",
            ];
            await using var sim = DemoChild.Start("picket sim", self, simArguments, directory);
            sim.LineReceived += OnSimLine;

            var configPath = WriteSettings(gatewayDirectory, zonesPath, server, beastPort, asterixPort);
            var feed = new DemoFeed();
            var display = new DemoDisplay(feed, console.Error, !Console.IsErrorRedirected && ReferenceEquals(console.Error, Console.Error));
            using var stopFeed = new CancellationTokenSource();
            var following = feed.FollowAsync(server.Address, server.Consumer, server.CaPath, stopFeed.Token);
            var showing = display.RunAsync(stopFeed.Token);
            int result;
            try
            {
                await using var gateway = DemoChild.Start("picket run", self, [.. prefix, "run", "--config", configPath], gatewayDirectory);
                await console.Error.WriteLineAsync($"picket demo: picket sim (pid {sim.Id}) plays to beast:tcp-listen:127.0.0.1:{beastPort}:gps and asterix:udp:127.0.0.1:{asterixPort}; picket run (pid {gateway.Id}) reads them with {configPath}").ConfigureAwait(false);

                var playedStart = await WaitAsync(_playedStart.Task, [server.Process, gateway], sim, TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
                display.Started(playedStart, DateTimeOffset.UtcNow, speed, durationMicroseconds / 1e6);

                // The story plays; sim ends with it.
                var storyWall = TimeSpan.FromSeconds((durationMicroseconds / 1e6 / speed) + 120);
                await WaitAsync(sim.WaitForExitAsync(cancellationToken), [server.Process, gateway], null, storyWall, cancellationToken).ConfigureAwait(false);
                if (sim.ExitCode != 0)
                {
                    throw new InputException($"picket sim exited with code {sim.ExitCode}: {sim.Tail()}");
                }

                // Let the last batches go up, then stop the gateway as systemd would.
                var statusPath = Path.Combine(gatewayDirectory, "status.json");
                await WaitForDrainAsync(statusPath, cancellationToken).ConfigureAwait(false);
                var status = ReadStatus(statusPath);
                if (!await gateway.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false) || gateway.ExitCode != 0)
                {
                    await console.Error.WriteLineAsync($"picket demo: picket run did not stop cleanly on SIGTERM (exit {(gateway.HasExited ? gateway.ExitCode : -1)}): {gateway.Tail()}").ConfigureAwait(false);
                }

                var ledger = Ledger.Read(Path.Combine(gatewayDirectory, "outbox.db"), server.DatabasePath, server.Gateway.Name);
                // The consumer has everything the server stored (or 10 s have passed).
                var waited = Stopwatch.StartNew();
                while ((feed.UpdateCount < ledger.StoredUpdates || feed.Alerts().Count < ledger.StoredAlerts) && waited.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }

                await stopFeed.CancelAsync().ConfigureAwait(false);
                await following.ConfigureAwait(false);
                await showing.ConfigureAwait(false);
                result = await ReportAsync(feed, ledger, status, zonesPath, playedStart, wall.Elapsed).ConfigureAwait(false);
            }
            finally
            {
                await stopFeed.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(following, showing).ConfigureAwait(false);
            }

            await sim.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await server.StopAsync().ConfigureAwait(false);
            return result;
        }

        private static int FreeUdpPort()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }

        private static HealthSnapshot? ReadStatus(string path)
        {
            try
            {
                return File.Exists(path) ? StatusFile.Read(path) : null;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
            {
                return null;
            }
        }

        /// <summary>Waits for <paramref name="task"/>, failing clearly if a process it depends on exits first or the time runs out.</summary>
        private static async Task<T> WaitAsync<T>(Task<T> task, IReadOnlyList<DemoChild> mustRun, DemoChild? mustRunToo, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            while (!task.IsCompleted)
            {
                foreach (var child in mustRunToo is null ? mustRun : [.. mustRun, mustRunToo])
                {
                    if (child.HasExited)
                    {
                        // Ctrl+C on a terminal reaches the whole process group: the children may stop
                        // a moment before this process hears of it. That is an interrupt, not a failure.
                        await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                        throw new InputException($"{child.Name} exited with code {child.ExitCode}: {child.Tail()}");
                    }
                }

                if (watch.Elapsed > timeout)
                {
                    throw new InputException($"timed out after {timeout.TotalSeconds:F0} s: {string.Join("; ", mustRun.Select(c => c.Name + ": " + c.Tail()))}");
                }

                await Task.WhenAny(task, Task.Delay(200, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return await task.ConfigureAwait(false);
        }

        private void OnSimLine(string line)
        {
            const string Marker = "clock starts at ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var text = line[(at + Marker.Length)..].Split(' ')[0];
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
                {
                    _playedStart.TrySetResult(start);
                }
            }
        }

        private async Task WaitForDrainAsync(string statusPath, CancellationToken cancellationToken)
        {
            // The tracker's last reports close their batch within the batch interval of scenario time; then the outbox empties.
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(2, (batchSeconds / speed) + 1.5)), cancellationToken).ConfigureAwait(false);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                var status = ReadStatus(statusPath);
                if (status is { Outbox.Depth: 0, Uplink.Connected: true })
                {
                    return;
                }

                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }

        private string WriteSettings(string gatewayDirectory, string? zonesPath, ServerProcess server, int beastPort, int asterixPort)
        {
            var simulation = new ScenarioSimulation(definition);
            var settings = new Dictionary<string, object>
            {
                ["Gateway"] = new Dictionary<string, object> { ["Id"] = server.Gateway.Name, ["SiteName"] = "Demo mast" },
                ["Site"] = new Dictionary<string, object> { ["Latitude"] = simulation.Site.LatitudeDegrees, ["Longitude"] = simulation.Site.LongitudeDegrees, ["HeightMetres"] = simulation.Site.HeightMetres },
                ["Radar"] = new Dictionary<string, object> { ["Latitude"] = simulation.RadarPosition.LatitudeDegrees, ["Longitude"] = simulation.RadarPosition.LongitudeDegrees, ["HeightMetres"] = simulation.RadarPosition.HeightMetres },
                ["Inputs"] = new[]
                {
                    string.Create(CultureInfo.InvariantCulture, $"beast:tcp:127.0.0.1:{beastPort}:gps"),
                    string.Create(CultureInfo.InvariantCulture, $"asterix:udp:127.0.0.1:{asterixPort}"),
                },
                ["Clock"] = new Dictionary<string, object> { ["TrustSystemClock"] = true },
                ["Publishing"] = new Dictionary<string, object> { ["TrackIntervalMilliseconds"] = 1000, ["BatchMilliseconds"] = batchSeconds * 1000 },
                ["Outbox"] = new Dictionary<string, object> { ["Path"] = Path.Combine(gatewayDirectory, "outbox.db"), ["CommitMilliseconds"] = 100 },
                // mTLS as on a mast: the gateway's own certificate and key, the fleet CA as the server's trust root.
                ["Uplink"] = new Dictionary<string, object>
                {
                    ["Address"] = server.Address.ToString(),
                    ["CertificatePath"] = server.Gateway.CertificatePath,
                    ["KeyPath"] = server.Gateway.KeyPath,
                    ["CaPath"] = server.CaPath,
                },
                ["Health"] = new Dictionary<string, object> { ["IntervalSeconds"] = 1, ["StatusPath"] = Path.Combine(gatewayDirectory, "status.json") },
                ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, object> { ["Default"] = "Warning" } },
            };
            if (zonesPath is not null)
            {
                settings["Zones"] = new Dictionary<string, object> { ["Path"] = zonesPath };
            }

            var path = Path.Combine(gatewayDirectory, "appsettings.json");
            File.WriteAllText(path, JsonSerializer.Serialize(settings, DemoJsonContext.Default.DictionaryStringObject));
            return path;
        }

        private async Task<int> ReportAsync(DemoFeed feed, Ledger ledger, HealthSnapshot? status, string? zonesPath, DateTimeOffset playedStart, TimeSpan wall)
        {
            var startMicroseconds = DemoDisplay.ToUnixMicroseconds(playedStart);
            var alerts = feed.Alerts();
            var updates = feed.Updates();
            var report = DemoScorecard.Score(definition, zonesPath, durationMicroseconds, startMicroseconds, updates, alerts);
            var raw = DemoScorecard.Record(definition, durationMicroseconds);
            var output = new StringBuilder();
            var culture = CultureInfo.InvariantCulture;
            output.AppendLine(culture, $"picket demo: {definition.Name}, {durationMicroseconds / 1e6:F0} s of scenario at speed {speed:0.##} in {wall.TotalSeconds:F0} s");
            output.AppendLine("alerts (from the server's feed):");
            var tracks = feed.Tracks().ToDictionary(t => t.TrackId);
            foreach (var alert in alerts)
            {
                output.AppendLine("  " + DemoDisplay.Describe(alert, tracks.TryGetValue(alert.TrackId, out var row) ? row.Identity : DemoFeed.Describe(alert.Identity), playedStart));
            }

            output.AppendLine("incursions:");
            foreach (var incursion in report.Incursions)
            {
                var alerted = double.IsNaN(incursion.AlertSeconds)
                    ? "NOT ALERTED"
                    : string.Create(culture, $"alerted at T+{incursion.AlertSeconds:F1} s, {incursion.TimeToAlertSeconds:F1} s after entry");
                output.AppendLine(culture, $"  {incursion.Target} ({(incursion.Cooperative ? "cooperative" : "non-cooperative")}) entered {incursion.Zone} at T+{incursion.EntrySeconds:F1} s: {alerted}");
            }

            var unalerted = report.Incursions.Count(i => !i.Cooperative && double.IsNaN(i.AlertSeconds));
            var intruders = report.Incursions.Count(i => !i.Cooperative);
            output.AppendLine(culture, $"result: {intruders - unalerted} of {intruders} non-cooperative incursions alerted; {report.FalseAlerts} false alerts; {report.LostAlerts} lost-track alerts ({report.FalseLostAlerts} on targets never inside)");
            output.AppendLine(culture, $"tracks: {feed.TrackCount} seen on the feed ({status?.Tracker.TracksConfirmedTotal.ToString(culture) ?? "?"} confirmed by the gateway); {updates.Count} updates and {alerts.Count} alerts received by the consumer");
            var sent = status?.Uplink.BytesSentTotal ?? 0;
            output.AppendLine(culture, $"traffic: the receiver's raw Beast stream {raw.BeastBytes:N0} bytes ({raw.Squitters + raw.Replies:N0} frames) and the radar's ASTERIX {raw.AsterixBytes:N0} bytes; the gateway sent {sent:N0} bytes upstream ({(raw.BeastBytes > 0 ? 100.0 * sent / raw.BeastBytes : 0):F1} % of the raw Beast stream) in {ledger.Committed} batches");
            output.AppendLine(culture, $"delivery: outbox committed {ledger.Committed} batches, the server acked {ledger.Acked} ({ledger.Unacked} not yet acked at shutdown); the server's store holds {ledger.StoredBatches} batches with {ledger.StoredUpdates} updates and {ledger.StoredAlerts} alerts; acked but missing from the store: {ledger.MissingAcked.Count}{(ledger.MissingAcked.Count > 0 ? " (" + string.Join(", ", ledger.MissingAcked.Take(10)) + ")" : "")}; refused: {ledger.Rejected}");
            output.AppendLine(culture, $"scorecard against the truth: position RMSE {report.PositionRmseMetres:F1} m (non-cooperative {report.NonCooperativePositionRmseMetres:F1} m), velocity RMSE {report.VelocityRmseMetresPerSecond:F2} m/s, mean GOSPA {report.MeanGospaMetres:F1} m (c = {report.GospaCutoffMetres:F0} m)");
            output.AppendLine(culture, $"  SIAP completeness {report.Completeness:F3}, ambiguity {report.Ambiguity:F3}, spuriousness {report.Spuriousness:F3}; id changes {report.TrackIdChanges}; false confirmed tracks {report.FalseConfirmedTracks}; time to confirm {report.MeanTimeToConfirmSeconds:F1} s; never confirmed {report.TargetsNeverConfirmed}");
            var lost = ledger.MissingAcked.Count > 0 || ledger.Rejected > 0;
            var pass = unalerted == 0 && report.FalseAlerts == 0 && !lost;
            output.Append(culture, $"verdict: {(pass ? "PASS" : "FAIL")} ({(unalerted == 0 ? "every intruder alerted" : unalerted + " intruder(s) not alerted")}; {(report.FalseAlerts == 0 ? "no false alert" : report.FalseAlerts + " false alert(s)")}; {(lost ? "acked updates lost" : "every acked batch stored")})");
            await console.Out.WriteLineAsync(output.ToString()).ConfigureAwait(false);
            return pass ? CommandLine.Success : CommandLine.InputError;
        }
    }

    /// <summary>The server's store against what the gateway's outbox committed and saw acked, read with plain SQL.</summary>
    private sealed record Ledger(ulong Committed, ulong Acked, long Unacked, long StoredBatches, long StoredUpdates, long StoredAlerts, long Rejected, IReadOnlyList<ulong> MissingAcked)
    {
        public static Ledger Read(string outboxPath, string serverDatabasePath, string gatewayId)
        {
            ulong committed;
            ulong acked;
            long unacked;
            using (var outbox = SqliteOutbox.Open(new OutboxOptions { Path = outboxPath, MaxAge = TimeSpan.FromDays(36_500) }))
            {
                committed = outbox.NextSequence - 1;
                acked = outbox.AcknowledgedThrough;
                unacked = outbox.Depth;
            }

            var stored = new HashSet<ulong>();
            long rejected = 0;
            long updates;
            long alerts;
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = serverDatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT sequence, rejected_reason FROM batches WHERE gateway_id = $gateway";
                command.Parameters.AddWithValue("$gateway", gatewayId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (reader.IsDBNull(1))
                    {
                        stored.Add((ulong)reader.GetInt64(0));
                    }
                    else
                    {
                        rejected++;
                    }
                }
            }

            updates = Count(connection, "SELECT COUNT(*) FROM track_history WHERE gateway_id = $gateway", gatewayId);
            alerts = Count(connection, "SELECT COUNT(*) FROM alerts WHERE gateway_id = $gateway", gatewayId);
            var missing = new List<ulong>();
            for (ulong sequence = 1; sequence <= acked; sequence++)
            {
                if (!stored.Contains(sequence))
                {
                    missing.Add(sequence);
                }
            }

            return new Ledger(committed, acked, unacked, stored.Count, updates, alerts, rejected, missing);
        }

        private static long Count(SqliteConnection connection, string sql, string gatewayId)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$gateway", gatewayId);
            return (long)command.ExecuteScalar()!;
        }
    }
}

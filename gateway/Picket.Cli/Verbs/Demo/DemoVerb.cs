using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Picket.Cli.Verbs.Track;
using Picket.Contract.V1;
using Picket.Gateway.Uplink;
using Picket.Publishing;
using Picket.Simulation.Scenarios;
using Picket.Tracking;

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

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "run a simulated border incursion through the pipeline to a local server";

    /// <inheritdoc />
    public string Usage => $"usage: picket demo [--scenario NAME (default {DefaultScenario})] [--seconds N (scenario time)] [--batch-seconds N (default 5)]";

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var scenarioName = options.Get("scenario") ?? DefaultScenario;
        var seconds = ParsePositive(options, "seconds", null);
        var batchSeconds = ParsePositive(options, "batch-seconds", 5)!.Value;
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
        await using var server = await ServerProcess.StartAsync(["--Logging:LogLevel:Default=Error"], CancellationToken.None).ConfigureAwait(false);
        var address = server.Address;
        await console.Error.WriteLineAsync($"picket demo: reference server (picket-server, its own process) on {address}; scenario {definition.Name}: {definition.Description}").ConfigureAwait(false);

        using var channel = GrpcChannel.ForAddress(address);
        using var stopFeed = new CancellationTokenSource();
        var follower = new FeedFollower(console.Out);
        var feed = follower.FollowAsync(new TrackFeed.TrackFeedClient(channel), stopFeed.Token);

        // The gateway side: the tracker runs on its own thread and hands closed batches over;
        // the uplink sends them in order and waits for each ack.
        var batcher = new Batcher(definition.Start.ToUnixTimeMilliseconds() * 1000, batchSeconds * 1_000_000L);
        var runner = new ScenarioRunner(definition, seconds, recorded: true) { ReportObserver = batcher.Add, AlertObserver = batcher.Add };
        var tracking = Task.Run(() =>
        {
            try
            {
                return runner.Run(null);
            }
            finally
            {
                batcher.Complete();
            }
        });

        var sent = await PublishAsync(new TrackIngest.TrackIngestClient(channel), batcher.Batches, console).ConfigureAwait(false);
        var report = await tracking.ConfigureAwait(false);

        var deadline = Stopwatch.StartNew();
        while ((follower.Updates < sent.Updates || follower.Alerts < sent.Alerts) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await stopFeed.CancelAsync().ConfigureAwait(false);
        await feed.ConfigureAwait(false);

        await console.Out.WriteLineAsync(ScenarioSummary.Format(runner, report)).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"uplink: {sent.Updates} track updates and {sent.Alerts} alerts in {sent.Batches} batches, server acked up to sequence {sent.LastAck}; " +
            $"consumer received {follower.Updates} updates and {follower.Alerts} alerts from the server's feed; wall time {stopwatch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);

        var everyIncursionAlerted = report.Incursions.Where(i => !i.Cooperative).All(i => !double.IsNaN(i.AlertSeconds));
        var delivered = sent.LastAck == (ulong)sent.Batches && follower.Updates == sent.Updates && follower.Alerts == sent.Alerts;
        return everyIncursionAlerted && delivered ? CommandLine.Success : CommandLine.InputError;
    }

    private static async Task<PublishResult> PublishAsync(TrackIngest.TrackIngestClient client, ChannelReader<UplinkBatch> batches, VerbConsole console)
    {
        var hello = new Hello { GatewayId = "demo-mast-1", SoftwareVersion = VersionInfo.Text, SiteName = "Demo mast" };
        await using var session = await UplinkSession.OpenAsync(client, hello, CancellationToken.None).ConfigureAwait(false);
        var result = new PublishResult();
        await foreach (var batch in batches.ReadAllAsync().ConfigureAwait(false))
        {
            batch.GatewayId = hello.GatewayId;
            batch.Sequence = (ulong)result.Batches + 1;
            var ack = await session.SendAsync(batch, CancellationToken.None).ConfigureAwait(false);
            result.Batches++;
            result.LastAck = ack.AckedSequence;
            result.Updates += batch.Tracks.Count;
            result.Alerts += batch.Alerts.Count;
        }

        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"picket demo: {result.Batches} batches published, acked up to {result.LastAck}")).ConfigureAwait(false);
        return result;
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

    private sealed class PublishResult
    {
        public int Batches { get; set; }

        public ulong LastAck { get; set; }

        public long Updates { get; set; }

        public long Alerts { get; set; }
    }

    /// <summary>
    /// Groups the tracker's output into batches by data time, encoding each report with the
    /// portable core (the bytes a board would send) and each alert into the contract's Alert.
    /// </summary>
    private sealed class Batcher
    {
        private readonly Channel<UplinkBatch> _batches = Channel.CreateBounded<UplinkBatch>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        private readonly byte[] _buffer = new byte[1024];
        private readonly Picket.Protobuf.ProtoWriter _writer;
        private readonly long _periodMicroseconds;
        private UplinkBatch _current = new();
        private long _closesAt;

        public Batcher(long startUnixMicroseconds, long periodMicroseconds)
        {
            // One writer over one buffer for every report: no allocation in the encoder.
            _writer = new Picket.Protobuf.ProtoWriter(_buffer);
            _periodMicroseconds = periodMicroseconds;
            _closesAt = startUnixMicroseconds + periodMicroseconds;
        }

        public ChannelReader<UplinkBatch> Batches => _batches.Reader;

        public void Add(TrackReport report)
        {
            CloseUpTo(report.TimeUnixMicroseconds);
            var length = TrackUpdateEncoder.Encode(_writer, ref report, _buffer, 0);
            _current.Tracks.Add(TrackUpdate.Parser.ParseFrom(_buffer, 0, length));
        }

        public void Add(ZoneAlert alert)
        {
            CloseUpTo(alert.TimeUnixMicroseconds);
            var message = new Alert
            {
                ZoneName = alert.ZoneName,
                Event = (ZoneEvent)(int)alert.Event,
                TimeUnixUs = alert.TimeUnixMicroseconds,
                TrackId = (ulong)alert.TrackId,
                Cooperative = alert.Cooperative,
            };
            if (alert.HasIcaoAddress || alert.HasMode3A || alert.Callsign is not null)
            {
                message.Identity = new Identity { Callsign = alert.Callsign?.TrimEnd() ?? "" };
                if (alert.HasIcaoAddress)
                {
                    message.Identity.IcaoAddress = (uint)alert.IcaoAddress;
                }

                if (alert.HasMode3A)
                {
                    message.Identity.Mode3ACode = (uint)alert.Mode3A;
                }
            }

            if (!alert.IsEnter)
            {
                message.DurationUs = (ulong)alert.DurationMicroseconds;
            }

            _current.Alerts.Add(message);
        }

        public void Complete()
        {
            Flush();
            _batches.Writer.Complete();
        }

        private void CloseUpTo(long time)
        {
            while (time >= _closesAt)
            {
                Flush();
                _closesAt += _periodMicroseconds;
            }
        }

        private void Flush()
        {
            if (_current.Tracks.Count == 0 && _current.Alerts.Count == 0)
            {
                return;
            }

            _current.CreatedUnixUs = _closesAt;

            // The tracker thread waits here while the uplink is behind: bounded memory.
            _batches.Writer.WriteAsync(_current).AsTask().GetAwaiter().GetResult();
            _current = new UplinkBatch();
        }
    }

    /// <summary>A consumer of the server's feed: counts updates and prints alerts as they arrive.</summary>
    private sealed class FeedFollower(TextWriter output)
    {
        private long _updates;
        private long _alerts;

        public long Updates => Interlocked.Read(ref _updates);

        public long Alerts => Interlocked.Read(ref _alerts);

        public async Task FollowAsync(TrackFeed.TrackFeedClient feed, CancellationToken cancellationToken)
        {
            try
            {
                using var call = feed.Subscribe(new SubscribeRequest(), cancellationToken: cancellationToken);
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
}

using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Picket.Contract.V1;
using Picket.Gateway.Uplink;
using Picket.Publishing;
using Picket.Server;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// <c>picket demo</c>: the whole pipeline that exists today, on data the program generates. A
/// local reference server starts on loopback; a simulated gateway turns synthetic tracks into
/// TrackUpdate bytes with the portable core's encoder and streams them over gRPC; a consumer
/// follows the server's feed. Needs nothing outside the repository.
/// </summary>
public sealed class DemoVerb : IVerb
{
    private const long StartUnixMicroseconds = 1_764_064_800_000_000; // 2025-11-25T10:00:00Z

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "run a simulated border scene through the pipeline to a local server";

    /// <inheritdoc />
    public string Usage => "usage: picket demo [--seconds N (scenario length, default 600)] [--batch-seconds N (default 5)]";

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var seconds = ParsePositive(options, "seconds", 600);
        var batchSeconds = ParsePositive(options, "batch-seconds", 5);
        options.ThrowIfUnused();

        var stopwatch = Stopwatch.StartNew();
        var server = ServerHost.Build(["--Logging:LogLevel:Default=Warning", "--Listen:Port", "0"]);
        await server.StartAsync().ConfigureAwait(false);
        try
        {
            var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await console.Error.WriteLineAsync($"picket demo: reference server listening on {address} (h2c, loopback only)").ConfigureAwait(false);
            await console.Error.WriteLineAsync("picket demo: foundation stage - synthetic tracks, encoded by the portable core, streamed over gRPC; decoders, tracker and zone alerts join as they land.").ConfigureAwait(false);

            using var channel = GrpcChannel.ForAddress(address);
            using var consumerStop = new CancellationTokenSource();
            var consumer = FollowFeedAsync(new TrackFeed.TrackFeedClient(channel), consumerStop.Token);

            var result = await PublishScenarioAsync(new TrackIngest.TrackIngestClient(channel), seconds, batchSeconds, console).ConfigureAwait(false);

            // Give the feed a moment to deliver the last batch, then stop following it.
            await WaitForAsync(() => consumer.IsCompleted || Volatile.Read(ref consumerUpdates) >= result.Updates, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await consumerStop.CancelAsync().ConfigureAwait(false);
            await consumer.ConfigureAwait(false);

            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"demo: {seconds} s of scenario, {result.Tracks} tracks, {result.Updates} track updates in {result.Batches} batches; " +
                $"server acked up to sequence {result.LastAck}; consumer received {Volatile.Read(ref consumerUpdates)} updates; " +
                $"{result.Bytes / Math.Max(1, result.Updates)} bytes per encoded TrackUpdate; wall time {stopwatch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
            return result.LastAck == (ulong)result.Batches && Volatile.Read(ref consumerUpdates) == result.Updates ? CommandLine.Success : CommandLine.InputError;
        }
        finally
        {
            await server.StopAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private long consumerUpdates;

    private async Task FollowFeedAsync(TrackFeed.TrackFeedClient feed, CancellationToken cancellationToken)
    {
        try
        {
            using var call = feed.Subscribe(new SubscribeRequest(), cancellationToken: cancellationToken);
            await foreach (var feedEvent in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (feedEvent.EventCase == FeedEvent.EventOneofCase.Track && !feedEvent.Snapshot)
                {
                    Interlocked.Increment(ref consumerUpdates);
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

    private static async Task<PublishResult> PublishScenarioAsync(TrackIngest.TrackIngestClient client, int seconds, int batchSeconds, VerbConsole console)
    {
        var scene = DemoScene.Create();
        var hello = new Hello
        {
            GatewayId = "demo-mast-1",
            SoftwareVersion = VersionInfo.Text,
            Site = new GeoPoint { LatitudeE7 = DemoScene.SiteLatitudeE7, LongitudeE7 = DemoScene.SiteLongitudeE7, HeightMm = 45_000 },
            SiteName = "Demo mast, Gulf of Finland coast",
        };

        await using var session = await UplinkSession.OpenAsync(client, hello, CancellationToken.None).ConfigureAwait(false);
        var buffer = new byte[1024];
        var result = new PublishResult { Tracks = scene.Length };
        ulong sequence = 0;
        var batch = new UplinkBatch { GatewayId = hello.GatewayId };
        for (var second = 0; second <= seconds; second++)
        {
            var time = StartUnixMicroseconds + (second * 1_000_000L);
            foreach (var target in scene)
            {
                if (!target.TryReport(second, seconds, time, out var report))
                {
                    continue;
                }

                // The same bytes the board would send: written by the portable core.
                var length = TrackUpdateEncoder.Encode(ref report, buffer, 0);
                batch.Tracks.Add(TrackUpdate.Parser.ParseFrom(buffer, 0, length));
                result.Bytes += length;
                result.Updates++;
            }

            if ((second + 1) % batchSeconds == 0 || second == seconds)
            {
                batch.Sequence = ++sequence;
                batch.CreatedUnixUs = time;
                var ack = await session.SendAsync(batch, CancellationToken.None).ConfigureAwait(false);
                result.LastAck = ack.AckedSequence;
                result.Batches++;
                if (sequence % 24 == 0 || second == seconds)
                {
                    await console.Error.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  t+{second,4} s  batch {sequence,4}: {batch.Tracks.Count,3} updates, acked {ack.AckedSequence}")).ConfigureAwait(false);
                }

                batch = new UplinkBatch { GatewayId = hello.GatewayId };
            }
        }

        return result;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < timeout)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static int ParsePositive(ArgumentList options, string name, int fallback)
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
        public int Tracks { get; set; }

        public long Updates { get; set; }

        public long Bytes { get; set; }

        public int Batches { get; set; }

        public ulong LastAck { get; set; }
    }
}

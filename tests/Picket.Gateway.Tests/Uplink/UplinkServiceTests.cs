using Picket.Gateway.Outbox;
using Xunit.Abstractions;
using Picket.Testing;

namespace Picket.Gateway.Uplink;

/// <summary>The uplink against the real server on a loopback port, its SQLite store in a temp folder.</summary>
public sealed class UplinkServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RunAsync_TwoHundredBatches_EachStoredOnceInOrderAndDeletedFromTheOutbox()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        var uplink = new UplinkService(outbox, Options(server.Address));
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        Append(outbox, 200, tracks: 5);
        await Until(() => uplink.Counters.AckedSequence == 200, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        outbox.Flush();
        await server.StopAsync(TimeSpan.FromSeconds(2));

        var stored = server.ReadStored();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (ulong)i), stored.Batches.Select(b => b.Sequence));
        Assert.All(stored.Batches, b => Assert.Equal(5, b.Tracks));
        Assert.Equal(ExpectedTrackIds(1, 200, 5), stored.TrackIds);
        Assert.Equal(0, outbox.Depth);
        Assert.Equal(200, uplink.Counters.BatchesSent);
        Assert.NotEmpty(server.PublishEncodings);
        Assert.All(server.PublishEncodings, encoding => Assert.Equal("gzip", encoding));
        Assert.True(uplink.Counters.Connections >= 1);
        Assert.False(uplink.Counters.Connected);
    }

    [Fact]
    public async Task RunAsync_ServerRestartedTwentyTimesAtRandomPoints_EveryCommittedBatchStoredExactlyOnceInOrder()
    {
        var random = new Random(20261203);
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        var uplink = new UplinkService(outbox, Options(server.Address));
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);
        const int Batches = 600;
        var appending = Task.Run(async () =>
        {
            for (var i = 0; i < Batches; i++)
            {
                Append(outbox, 1, tracks: 3);
                await Task.Delay(5);
            }
        });

        for (var restart = 0; restart < 20; restart++)
        {
            await Task.Delay(random.Next(50, 400));
            await server.StopAsync(TimeSpan.FromMilliseconds(random.Next(0, 300)));
            await Task.Delay(random.Next(0, 300));
            await server.StartAsync();
        }

        await appending;
        outbox.Flush();
        await Until(() => uplink.Counters.AckedSequence == Batches, TimeSpan.FromSeconds(120));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        await server.StopAsync(TimeSpan.FromSeconds(2));

        var stored = server.ReadStored();
        output.WriteLine($"{uplink.Counters.Reconnects} reconnects, {uplink.Counters.BatchesSent} batches sent for {Batches}, last error: {uplink.Counters.LastError}");
        Assert.Equal(Enumerable.Range(1, Batches).Select(i => (ulong)i), stored.Batches.Select(b => b.Sequence));
        Assert.Equal(ExpectedTrackIds(1, Batches, 3), stored.TrackIds);
        // A stop that falls in the backoff after the previous one costs no extra reconnect, so fewer than 20 may be counted.
        Assert.True(uplink.Counters.Reconnects >= 5);
    }

    [Fact]
    public async Task RunAsync_ServerRejectsBatchFive_CountedConsumedAndTheRestStored()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        for (ulong sequence = 1; sequence <= 10; sequence++)
        {
            // Batch 5 claims to come from a day ahead: the server must refuse it.
            var created = OutboxMessages.NowUnixMicroseconds + (sequence == 5 ? 86_400_000_000L : 0);
            outbox.Append(sequence, OutboxMessages.Batch(sequence, 2, created), created);
        }

        outbox.Flush();
        var uplink = new UplinkService(outbox, Options(server.Address));
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        await Until(() => uplink.Counters.AckedSequence == 10, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        outbox.Flush();
        await server.StopAsync(TimeSpan.FromSeconds(2));

        var stored = server.ReadStored();
        Assert.Equal(1, uplink.Counters.Rejects);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), stored.Batches.Select(b => b.Sequence));
        Assert.Contains("future", stored.Batches[4].Rejected, StringComparison.Ordinal);
        Assert.All(stored.Batches.Where(b => b.Sequence != 5), b => Assert.Null(b.Rejected));
        Assert.Equal(ExpectedTrackIds(1, 4, 2).Concat(ExpectedTrackIds(6, 10, 2)), stored.TrackIds);
        Assert.Equal(0, outbox.Depth);
    }

    [Fact]
    public async Task RunAsync_BatchLargerThanTheServerAccepts_SentAsAnEmptyBatchCountedAndTheRestStored()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        Append(outbox, 1, tracks: 2);
        // About 600 kB: over the server's default Limits:MaxBatchBytes of 512 KiB.
        Append(outbox, 1, tracks: 15_000);
        Append(outbox, 1, tracks: 2);
        outbox.Flush();
        var uplink = new UplinkService(outbox, Options(server.Address));
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        await Until(() => uplink.Counters.AckedSequence == 3, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        await server.StopAsync(TimeSpan.FromSeconds(2));

        var stored = server.ReadStored();
        Assert.Equal(1, uplink.Counters.Oversized);
        Assert.Equal([(1UL, 2), (2UL, 0), (3UL, 2)], stored.Batches.Select(b => (b.Sequence, b.Tracks)));
        Assert.Equal(ExpectedTrackIds(1, 1, 2).Concat(ExpectedTrackIds(3, 3, 2)), stored.TrackIds);
    }

    [Fact]
    public async Task RunAsync_WrongToken_CountedClearErrorAndBackoffNotAHotLoop()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        Append(outbox, 3, tracks: 1);
        outbox.Flush();
        var uplink = new UplinkService(outbox, Options(server.Address) with { BearerToken = "not-the-token" });
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        await Until(() => uplink.Counters.AuthFailures >= 3, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"{uplink.Counters.AuthFailures} refused calls; last error: {uplink.Counters.LastError}");
        Assert.Contains("Unauthenticated", uplink.Counters.LastError ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, uplink.Counters.Connections);
        Assert.Equal(0, uplink.Counters.BatchesSent);
        Assert.Equal(3, outbox.Depth);
        // Backoff capped at 400 ms (mean 200 ms): a few dozen attempts at most, where a hot loop would make thousands.
        Assert.InRange(uplink.Counters.AuthFailures, 3, 200);
    }

    [Fact]
    public async Task RunAsync_ClockNotTrustworthy_NothingSentUntilTheGateOpens()
    {
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), OutboxMessages.GatewayId);
        using var outbox = OpenOutbox();
        Append(outbox, 4, tracks: 1);
        outbox.Flush();
        var trustworthy = 0;
        var uplink = new UplinkService(outbox, Options(server.Address) with { ClockPollInterval = TimeSpan.FromMilliseconds(50) }, () => Volatile.Read(ref trustworthy) != 0);
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, uplink.Counters.Connections);
        Assert.Equal(4, outbox.Depth);

        Volatile.Write(ref trustworthy, 1);
        await Until(() => uplink.Counters.AckedSequence == 4, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RunAsync_PeerAcceptsButNeverAnswers_WatchdogAbandonsTheCallAndRetries()
    {
        // A real socket that accepts connections and never sends a byte: no HTTP/2 settings, no ack.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<System.Net.Sockets.Socket>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await listener.AcceptSocketAsync(stop.Token));
            }
        });
        using var outbox = OpenOutbox();
        Append(outbox, 2, tracks: 1);
        outbox.Flush();
        var address = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
        var uplink = new UplinkService(outbox, Options(address) with
        {
            AckTimeout = TimeSpan.FromMilliseconds(800),
            // Keepalive would notice the dead peer too; here the watchdog must.
            KeepAlivePingDelay = TimeSpan.FromMinutes(10),
            KeepAlivePingTimeout = TimeSpan.FromMinutes(10),
        });
        var running = uplink.RunAsync(stop.Token);

        await Until(() => uplink.Counters.WatchdogTimeouts >= 2, TimeSpan.FromSeconds(60));
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        listener.Stop();
        await Task.WhenAny(accepting);
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }

        Assert.Contains("no ack", uplink.Counters.LastError ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, uplink.Counters.Connections);
        Assert.Equal(2, outbox.Depth);
    }

    internal static UplinkOptions Options(Uri address) => new()
    {
        ServerAddress = address,
        Hello = OutboxMessages.Hello(),
        BearerToken = RealServer.GatewayToken,
        BackoffMin = TimeSpan.FromMilliseconds(50),
        BackoffMax = TimeSpan.FromMilliseconds(400),
        AckTimeout = TimeSpan.FromSeconds(10),
        Window = 16,
    };

    internal static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {timeout.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    private static void Append(SqliteOutbox outbox, int count, int tracks)
    {
        for (var i = 0; i < count; i++)
        {
            var sequence = outbox.NextSequence;
            var created = OutboxMessages.NowUnixMicroseconds;
            outbox.Append(sequence, OutboxMessages.Batch(sequence, tracks, created), created);
        }
    }

    private static IEnumerable<ulong> ExpectedTrackIds(int first, int last, int tracks) =>
        Enumerable.Range(first, last - first + 1).SelectMany(s => Enumerable.Range(0, tracks).Select(i => ((ulong)s * 10_000) + (ulong)i));

    private SqliteOutbox OpenOutbox() => SqliteOutbox.Open(new OutboxOptions
    {
        Path = _directory.File("outbox.db"),
        CommitInterval = TimeSpan.FromMilliseconds(50),
        MaxAge = Timeout.InfiniteTimeSpan,
    });
}

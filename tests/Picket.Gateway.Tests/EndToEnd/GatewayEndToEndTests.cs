using System.Diagnostics;
using System.Globalization;
using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Outbox;
using Xunit.Abstractions;
using Picket.Testing;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// The gateway end to end with real parts only: <c>picket simulate</c> records the Beast stream,
/// this test plays it into one end of a socat pseudo-terminal pair in compressed real time,
/// <c>picket run</c> (a process) reads the other end as a 3 Mbaud serial receiver and uplinks to
/// <c>picket-server</c> (a process, token auth, SQLite). Processes are killed for real.
/// </summary>
public sealed class GatewayEndToEndTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Kills of the gateway and restarts of the server (each); the CI default is 20, more by hand.</summary>
    private const string KillsVariable = "E2E_KILLS";

    private static readonly int Speedup = Environment.GetEnvironmentVariable("E2E_SPEEDUP") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : 1;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("picket-e2e-");

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }

    [SocatFact]
    public void KillGatewayAndRestartServerAtRandomPoints_ServerHoldsEverySequenceOnceInOrderPerTrack()
    {
        var kills = Environment.GetEnvironmentVariable(KillsVariable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : 20;
        var random = new Random(20261203);
        var recording = Simulate("busy-sky", seconds: 120);
        var runs = new List<(long StartUnixMicroseconds, long EndUnixMicroseconds)>();
        var serverRestarts = 0;
        using var link = new SocatLink();
        using var server = new ServerUnderTest(Path.Combine(_directory.FullName, "server"), GatewayUnderTest.GatewayId);
        var radarPort = FreePorts.Udp();
        using var gateway = new GatewayUnderTest(Path.Combine(_directory.FullName, "gateway"), [$"beast:serial:{link.DevicePath}:3000000", $"asterix:udp:127.0.0.1:{radarPort}"], server.Address);
        var player = new BeastPlayer(recording, link.SenderPath, Speedup);
        var radar = new AsterixPlayer(Path.Combine(_directory.FullName, "recording", "busy-sky.asterix"), radarPort, Speedup);
        var elapsed = Stopwatch.StartNew();
        using var stopServerChaos = new CancellationTokenSource();
        var serverChaos = Task.CompletedTask;
        try
        {
            server.Start();
            serverChaos = Task.Run(() =>
            {
                var serverRandom = new Random(7);
                while (!stopServerChaos.IsCancellationRequested)
                {
                    Thread.Sleep(serverRandom.Next(1000, 4000));
                    server.Kill();
                    Thread.Sleep(serverRandom.Next(0, 1000));
                    server.Start();
                    Interlocked.Increment(ref serverRestarts);
                }
            });

            var killed = 0;
            while (killed < kills || Volatile.Read(ref serverRestarts) < kills)
            {
                Assert.False(serverChaos.IsCompleted, "the server restarts stopped: " + serverChaos.Exception);
                var start = Waits.NowUnixMicroseconds();
                gateway.Start();
                // Anywhere from during start-up to a few batches in.
                Thread.Sleep(random.Next(500, 4500));
                Assert.True(gateway.IsRunning, "picket run exited by itself: " + gateway.Tail());
                var status = gateway.ReadStatus();
                gateway.Kill();
                if (status is not null && status.TimeUnixMicroseconds >= start)
                {
                    output.WriteLine($"run {runs.Count}: up {status.UptimeSeconds} s, {status.Sources[0].FramesTotal} frames, {status.Tracker.ModeSObservationsTotal} Mode S observations, {status.Tracker.RadarPlotsTotal} radar plots ({status.Tracker.LateMeasurementsTotal} late), {status.Tracker.TracksStartedTotal} tracks started, {status.Tracker.UpdatesPublishedTotal} updates published, outbox depth {status.Outbox.Depth}");
                }

                runs.Add((start, Waits.NowUnixMicroseconds()));
                killed++;
            }

            stopServerChaos.Cancel();
            serverChaos.Wait(TimeSpan.FromMinutes(2));
            Assert.True(serverChaos.IsCompletedSuccessfully, "the server restarts failed: " + serverChaos.Exception);

            // The last run: the input stops, the uplink catches up, then a clean stop.
            var lastStart = Waits.NowUnixMicroseconds();
            gateway.Start();
            Thread.Sleep(3000);
            player.Paused = true;
            radar.Dispose();
            Waits.Until(TimeSpan.FromSeconds(120), () => gateway.ReadStatus() is { Outbox.Depth: 0, Uplink.Connected: true } status && status.TimeUnixMicroseconds > Waits.NowUnixMicroseconds() - 1_500_000, "the outbox did not drain: " + gateway.Tail());
            gateway.Terminate();
            runs.Add((lastStart, Waits.NowUnixMicroseconds()));
        }
        finally
        {
            // The restarts end first, so that no server is started again after the last kill.
            stopServerChaos.Cancel();
            serverChaos.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromMinutes(2));
            // No write may be left blocked on the pseudo-terminal when its reader dies and socat
            // goes (see SocatLink.Unplug): the player pauses while the gateway still reads.
            _ = player.Pause(TimeSpan.FromSeconds(30));
            gateway.Kill();
            link.Unplug();
            player.Dispose();
            radar.Dispose();
            server.Kill();
        }

        output.WriteLine($"{player.FramesWritten} Beast frames over the pty and {radar.BlocksSent} ASTERIX blocks over UDP played at x{Speedup}");
        Verify(gateway, server, runs, killed: runs.Count - 1, serverRestarts, elapsed.Elapsed);
    }

    [SocatFact]
    public void UnplugAndReplugTheReceiver_ReadingResumesSoonAfterTheDeviceReturns()
    {
        var recording = Simulate("busy-sky", seconds: 60);
        using var link = new SocatLink();
        using var gateway = new GatewayUnderTest(Path.Combine(_directory.FullName, "gateway"), [$"beast:serial:{link.DevicePath}:3000000"], server: null);
        var player = new BeastPlayer(recording, link.SenderPath, Speedup);
        var figures = new List<string>();
        try
        {
            gateway.Start();
            Waits.Until(TimeSpan.FromSeconds(90), () => gateway.ReadStatus() is { } s && s.Sources[0].FramesTotal > 0, "picket run read nothing from the pseudo-terminal: " + gateway.Tail());
            foreach (var downMilliseconds in new[] { 500, 2500, 5000 })
            {
                // The receiver stops sending with its cable pulled; it is paused while the gateway
                // still reads, so that no write is left blocked when socat is killed.
                Assert.True(player.Pause(TimeSpan.FromSeconds(30)), "a write to the pseudo-terminal stayed blocked 30 s while the gateway read: " + gateway.Tail());
                link.Unplug();
                Thread.Sleep(downMilliseconds);
                link.Plug();
                player.Paused = false;
                var plugged = Stopwatch.StartNew();
                var pluggedUnixMicroseconds = Waits.NowUnixMicroseconds();
                var device = new FileInfo(link.DevicePath).LinkTarget!;

                // The gateway process holds the new device open: seen in /proc, not from the gateway's own report.
                Waits.Until(TimeSpan.FromSeconds(30), () => HoldsOpen(gateway.ProcessId, device), $"picket run did not reopen {device} within 30 s: " + gateway.Tail());
                var reopened = plugged.Elapsed;

                // And frames flow again: the status file's input counters move past the replug.
                HealthSnapshot? resumed = null;
                Waits.Until(TimeSpan.FromSeconds(30), () => (resumed = gateway.ReadStatus()) is { } s && s.Sources[0].LastFrameUnixMicroseconds > pluggedUnixMicroseconds, "no frame read after the replug within 30 s: " + gateway.Tail());
                var lastFrameAfter = TimeSpan.FromMicroseconds(resumed!.Sources[0].LastFrameUnixMicroseconds!.Value - pluggedUnixMicroseconds);
                figures.Add($"unplugged {downMilliseconds} ms: device reopened {reopened.TotalMilliseconds:F0} ms after it returned; first status with new frames: last frame {lastFrameAfter.TotalMilliseconds:F0} ms after it returned (upper bound, 1 s status period), {resumed.Sources[0].ReconnectsTotal} reconnects, {resumed.Sources[0].DisconnectedSecondsTotal:F1} s disconnected in all");
                output.WriteLine(figures[^1]);
                // Generous: the reader's backoff is capped at 2 s; a loaded 2-core machine adds scheduling delays.
                Assert.True(reopened < TimeSpan.FromSeconds(10), figures[^1]);
            }
        }
        finally
        {
            // As above: the player pauses before its reader dies.
            _ = player.Pause(TimeSpan.FromSeconds(30));
            gateway.Kill();
            link.Unplug();
            player.Dispose();
        }
    }

    /// <summary>Whether process <paramref name="processId"/> has <paramref name="device"/> open (its /proc/PID/fd links).</summary>
    private static bool HoldsOpen(int processId, string device)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd").Any(fd => new FileInfo(fd).LinkTarget == device);
        }
        catch (IOException)
        {
            // A descriptor closed while it was listed.
            return false;
        }
    }

    private void Verify(GatewayUnderTest gateway, ServerUnderTest server, List<(long Start, long End)> runs, int killed, int serverRestarts, TimeSpan elapsed)
    {
        ulong nextSequence;
        long depth;
        using (var outbox = SqliteOutbox.Open(new OutboxOptions { Path = gateway.OutboxPath, MaxAge = Timeout.InfiniteTimeSpan }))
        {
            nextSequence = outbox.NextSequence;
            depth = outbox.Depth;
        }

        var record = ServerRecord.Read(server.DatabasePath, GatewayUnderTest.GatewayId);
        output.WriteLine($"{killed} gateway kills (kill -9), {serverRestarts} server restarts (kill -9 + start), {runs.Count} gateway runs in {elapsed.TotalSeconds:F0} s");
        output.WriteLine($"outbox issued sequences 1..{nextSequence - 1}; server holds {record.Batches.Count} batches, {record.Updates.Count} track updates of {record.Updates.Select(u => u.TrackId).Distinct().Count()} track ids");

        // Everything committed was acknowledged: nothing is left behind.
        Assert.Equal(0, depth);
        // Every sequence the outbox ever issued, exactly once (the key is (gateway, sequence): a duplicate cannot hide).
        Assert.Equal(Enumerable.Range(1, (int)(nextSequence - 1)).Select(i => (ulong)i), record.Batches.Select(b => b.Sequence));
        Assert.All(record.Batches, b => Assert.Null(b.Rejected));
        // Every update of every batch stored once: no batch's updates were stored twice on a resend.
        Assert.Equal(record.Batches.Sum(b => b.Tracks), record.Updates.Count);
        Assert.True(record.Updates.Count > 100, $"only {record.Updates.Count} track updates reached the server: too little to test anything");

        // In order per track: time never goes back within one track id, in the order batches were stored.
        var last = new Dictionary<ulong, long>();
        foreach (var (trackId, time) in record.Updates)
        {
            Assert.True(!last.TryGetValue(trackId, out var previous) || time >= previous, $"track {trackId}: an update at {time} after one at {previous}");
            last[trackId] = time;
        }

        // No track id reused across restarts: all of a track's updates fall in one run, and its id's
        // upper bits are that run's start second (the gateway numbers from start-second × 2^24).
        foreach (var track in record.Updates.GroupBy(u => u.TrackId))
        {
            var first = track.Min(u => u.TimeUnixMicroseconds);
            var lastTime = track.Max(u => u.TimeUnixMicroseconds);
            var run = runs.FindIndex(r => first >= r.Start && first <= r.End);
            Assert.True(run >= 0, $"track {track.Key}: first update at {first} is in no run of the gateway");
            Assert.True(lastTime <= runs[run].End, $"track {track.Key}: updates from run {run} continue at {lastTime}, after that run ended at {runs[run].End}");
            var startSecond = (long)(track.Key >> 24);
            Assert.InRange(startSecond, runs[run].Start / 1_000_000, runs[run].End / 1_000_000);
        }
    }

    private BeastRecording Simulate(string scenario, int seconds)
    {
        var directory = Path.Combine(_directory.FullName, "recording");
        using (var simulate = ChildProcess.Start(BuiltPrograms.Picket, ["simulate", "--scenario", scenario, "--out", directory, "--seconds", seconds.ToString(CultureInfo.InvariantCulture)], _directory.FullName))
        {
            Waits.Until(TimeSpan.FromSeconds(120), () => simulate.HasExited, "picket simulate did not finish");
            Assert.True(simulate.ExitCode == 0, "picket simulate failed: " + simulate.Tail());
        }

        var recording = BeastRecording.Read(Path.Combine(directory, scenario + ".beast"));
        Assert.True(recording.Frames.Count > 100, $"the recording holds only {recording.Frames.Count} frames");
        return recording;
    }
}

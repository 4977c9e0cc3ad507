using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Picket.Gateway.Outbox;
using Picket.Gateway.Uplink;
using Picket.Testing;

namespace Picket.Outbox.Benchmarks;

/// <summary>
/// Steady state with the link up, in real time: one batch per second of <c>--rate</c> updates
/// through the outbox (1 s group commit) and the uplink into picket-server (its own process).
/// Prints the gateway process's bytes written to disk (<c>/proc/self/io</c> write_bytes) and
/// its outbox commits, per hour. Its pid is printed first so that fsyncs can be counted with
/// <c>strace -c -f -e trace=fsync,fdatasync -p PID</c> (the server, started before, is not traced).
/// </summary>
internal static class SteadyRun
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var minutes = arguments.Number("minutes", 3);
        var rate = (int)arguments.Number("rate", 2000);
        var commitInterval = TimeSpan.FromMilliseconds(arguments.Number("commit-ms", 1000));
        var directory = Directory.CreateTempSubdirectory("picket-steady-").FullName;
        try
        {
            using var server = await ServerProcess.StartAsync(Path.Combine(directory, "server.db"));
            using var outbox = SqliteOutbox.Open(new OutboxOptions { Path = Path.Combine(directory, "outbox.db"), CommitInterval = commitInterval });
            var uplink = new UplinkService(outbox, new UplinkOptions { ServerAddress = server.Address, Hello = Batches.Hello(), BearerToken = ServerProcess.Token });
            using var stop = new CancellationTokenSource();
            var running = uplink.RunAsync(stop.Token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}; warming up 10 s, then measuring {minutes} min at {rate} updates/s"));
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            long payload = 0;
            long writeBefore = 0;
            long commitsBefore = 0;
            var measured = Stopwatch.StartNew();
            var ticks = 0;
            var warmUp = 10;
            var total = warmUp + (int)(minutes * 60);
            while (ticks < total && await timer.WaitForNextTickAsync())
            {
                if (ticks == warmUp)
                {
                    writeBefore = WriteBytes();
                    commitsBefore = outbox.CommitsTotal;
                    payload = 0;
                    measured.Restart();
                }

                var sequence = outbox.NextSequence;
                var created = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
                var message = Batches.Batch(sequence, rate, created);
                outbox.Append(sequence, message, created);
                payload += message.Length;
                ticks++;
            }

            var written = WriteBytes() - writeBefore;
            var commits = outbox.CommitsTotal - commitsBefore;
            var perHour = 3600 / measured.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await running;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady: {measured.Elapsed.TotalSeconds:0} s at {rate} updates/s, commit every {commitInterval.TotalSeconds:0.#} s; batches {payload * perHour / 1048576.0:0.0} MiB/h; gateway wrote {written * perHour / 1048576.0:0.0} MiB/h ({(double)written / payload:0.00}x the batches); {commits * perHour:0} outbox commits/h (one WAL fsync each); acked {uplink.Counters.AckedSequence}, depth {outbox.Depth}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    // Bytes this process caused to be sent to the storage layer (proc(5): write_bytes).
    private static long WriteBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

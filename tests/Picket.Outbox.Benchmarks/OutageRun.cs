using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Picket.Gateway.Outbox;
using Picket.Gateway.Uplink;
using Picket.Testing;

namespace Picket.Outbox.Benchmarks;

/// <summary>
/// A link outage in simulated time: one batch per second of <c>--rate</c> updates for
/// <c>--hours</c>, appended (and group-committed, one commit per batch) while no server runs;
/// then picket-server starts and the uplink drains the outbox into it. Prints the figures and
/// checks the server's database holds every batch and update once.
/// </summary>
internal static class OutageRun
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var hours = arguments.Number("hours", 1);
        var rate = (int)arguments.Number("rate", 2000);
        var capBytes = (long)(arguments.Number("cap-mib", 1024) * 1024 * 1024);
        var batches = (int)(hours * 3600);
        var directory = Directory.CreateTempSubdirectory("picket-outage-").FullName;
        try
        {
            using var outbox = SqliteOutbox.Open(new OutboxOptions { Path = Path.Combine(directory, "outbox.db"), MaxBytes = capBytes, MaxAge = Timeout.InfiniteTimeSpan });
            var start = DateTimeOffset.UtcNow.AddHours(-hours).ToUnixTimeMilliseconds() * 1000;
            var append = Stopwatch.StartNew();
            for (var second = 0; second < batches; second++)
            {
                var sequence = outbox.NextSequence;
                var created = start + (second * 1_000_000L);
                outbox.Append(sequence, Batches.Batch(sequence, rate, created), created);
                outbox.Flush();
            }

            append.Stop();
            Print($"outage: {batches} batches x {rate} updates ({hours} h at {rate} updates/s) appended in {append.Elapsed.TotalSeconds:0.0} s; outbox {outbox.Bytes / 1048576.0:0.0} MiB of messages (cap {capBytes / 1048576} MiB), file {FileMiB(directory):0.0} MiB, dropped {outbox.DroppedTotal}");

            using var server = await ServerProcess.StartAsync(Path.Combine(directory, "server.db"));
            var uplink = new UplinkService(outbox, new UplinkOptions { ServerAddress = server.Address, Hello = Batches.Hello(), BearerToken = ServerProcess.Token, Window = 32 });
            using var stop = new CancellationTokenSource();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var drain = Stopwatch.StartNew();
            var running = uplink.RunAsync(stop.Token);
            while (uplink.Counters.AckedSequence < (ulong)batches)
            {
                await Task.Delay(100);
                if (running.IsCompleted)
                {
                    throw new InvalidOperationException("The uplink stopped.");
                }
            }

            drain.Stop();
            var gatewayCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var serverCpu = server.CpuTime;
            await stop.CancelAsync();
            await running;
            var seconds = drain.Elapsed.TotalSeconds;
            Print($"drain: {batches} batches in {seconds:0.0} s = {batches / seconds:0.0} batches/s, {(double)batches * rate / seconds:0} updates/s, {batches / seconds:0.0}x real time; {uplink.Counters.BytesSent / 1048576.0:0.0} MiB sent (before gzip), {uplink.Counters.Reconnects} reconnects; CPU gateway {gatewayCpu.TotalSeconds:0.0} s, server {serverCpu.TotalSeconds:0.0} s");
            server.Dispose();

            var (storedBatches, storedUpdates) = CountStored(Path.Combine(directory, "server.db"));
            var complete = storedBatches == batches && storedUpdates == (long)batches * rate;
            Print($"server holds {storedBatches} batches and {storedUpdates} updates: {(complete ? "every one, once" : "MISMATCH")}");
            return complete ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double FileMiB(string directory) =>
        new DirectoryInfo(directory).GetFiles("outbox.db*").Sum(f => f.Length) / 1048576.0;

    private static (long Batches, long Updates) CountStored(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM batches WHERE gateway_id = $g), (SELECT COUNT(*) FROM track_history WHERE gateway_id = $g)";
        command.Parameters.AddWithValue("$g", Batches.GatewayId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static void Print(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));
}

using System.Globalization;
using Picket.Testing;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// Byte-in → server-ack latency on loopback. For every track update the server stored, the update's
/// time is the arrival time the gateway stamped on the chunk that completed its frame (a Beast input
/// without <c>gps</c> times frames by arrival, Inputs/README.md), so the chunk is the feeder's last
/// write at or before it; the end point is the server's <c>received_unix_us</c> of the batch, taken
/// (in whole milliseconds) when its group commit starts, just before the ack is sent.
/// </summary>
internal static class LatencyVerb
{
    public static int Run(BenchmarkArguments arguments)
    {
        var scenario = arguments.Text("scenario", "busy-sky");
        var seconds = arguments.Number("seconds", 120);
        var warmup = arguments.Number("warmup", 15);
        // BATCH/COMMIT pairs: the publisher's batch interval and the outbox's group-commit interval, ms.
        var settings = arguments.Text("settings", "1000/1000,100/1000,100/100").Split(',')
            .Select(pair => pair.Split('/') is [var batch, var commit]
                ? (Batch: int.Parse(batch, CultureInfo.InvariantCulture), Commit: int.Parse(commit, CultureInfo.InvariantCulture))
                : throw new FormatException($"--settings '{pair}': BATCH_MS/COMMIT_MS, e.g. 100/1000"))
            .ToArray();
        var folder = Directory.CreateTempSubdirectory("picket-bench-latency-").FullName;
        Console.WriteLine($"# latency: {scenario}, {seconds:F0} s fed in real time over beast:tcp, first {warmup:F0} s not counted; machine: {Machine.Describe()}");
        var (recording, site) = Scenario.Record(scenario, seconds + 10, folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# recording: {recording.FrameEnds.Length} Beast frames, {recording.Bytes.Length} bytes over {recording.DurationSeconds:F0} s ({recording.Bytes.Length / recording.DurationSeconds / 1000:F1} kB/s)"));
        double? baseP50 = null, baseP99 = null;
        foreach (var (batch, commit) in settings)
        {
            var options = new RunOptions($"batch {batch}/commit {commit} ms", BuiltPrograms.Picket, recording, site, Scenario.Zones(scenario), seconds, warmup,
                ["--Publishing:BatchMilliseconds", batch.ToString(CultureInfo.InvariantCulture), "--Outbox:CommitMilliseconds", commit.ToString(CultureInfo.InvariantCulture)]);
            var result = BenchmarkRun.Execute(options, Path.Combine(folder, $"batch-{batch}-commit-{commit}"));
            var (latencies, stampLags, unmatched) = Match(result, warmup);
            var sorted = latencies.Order().ToArray();
            var p50 = Percentiles.Of(sorted, 50);
            var p99 = Percentiles.Of(sorted, 99);
            baseP50 ??= p50;
            baseP99 ??= p99;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{options.Label,-26} byte-in → server-ack: {Percentiles.Summary(latencies, "ms")}; ×{p50 / baseP50:F2} p50, ×{p99 / baseP99:F2} p99 of the first"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",-26} write → gateway arrival stamp: {Percentiles.Summary(stampLags, "ms")}; {unmatched} updates outside the window; feed: {result.FeedOutcome}"));
        }

        var keep = arguments.Text("keep", "false") == "true";
        Console.WriteLine($"# machine after: {Machine.Describe()}{(keep ? "; run folder " + folder : "")}");
        if (!keep)
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>Pairs each stored update with the write that produced it.</summary>
    private static (List<double> Latencies, List<double> StampLags, int Unmatched) Match(RunResult result, double warmupSeconds)
    {
        using var database = new ServerDatabase(result.ServerDatabasePath);
        var updates = database.TrackUpdates();
        var windowStart = BeastFeeder.UnixMicroseconds(result.FirstWriteUtc!.Value) + (long)(warmupSeconds * 1e6);
        var writes = result.WriteUnixMicroseconds;

        // After the last write, reports come from the gateway's clock tick (coasting tracks), not from bytes.
        var windowEnd = writes[^1];
        var latencies = new List<double>();
        var lags = new List<double>();
        var unmatched = 0;
        foreach (var (time, received) in updates)
        {
            var index = Array.BinarySearch(writes, time);
            index = index >= 0 ? index : ~index - 1;
            if (time < windowStart || time > windowEnd || index < 0)
            {
                unmatched++;
                continue;
            }

            latencies.Add((received - writes[index]) / 1000.0);
            lags.Add((time - writes[index]) / 1000.0);
        }

        return (latencies, lags, unmatched);
    }
}
